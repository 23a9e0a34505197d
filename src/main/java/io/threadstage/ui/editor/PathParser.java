package io.threadstage.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the step and body paths the project prints; anything else is refused. Stateless. */
final class PathParser {

    record Parsed(BodyPath body, int index) {
    }

    private static final List<String> BLOCKS = List.of(BodyPath.TASK, BodyPath.DO, BodyPath.TRY, BodyPath.THEN);

    private final String text;
    private int at;

    private PathParser(String text) {
        this.text = text;
    }

    static Optional<Parsed> parse(String path) {
        try {
            return Optional.ofNullable(new PathParser(path).read());
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private Parsed read() {
        int worker;
        if (skip("$.main")) {
            worker = BodyPath.MAIN;
        } else if (skip("$.workers[")) {
            worker = number();
            expect("].steps");
        } else {
            return null;
        }
        List<BodyPath.Hop> hops = new ArrayList<>();
        while (at < text.length()) {
            expect("[");
            int index = number();
            expect("]");
            if (at == text.length()) {
                return new Parsed(new BodyPath(worker, hops), index);
            }
            expect(".");
            String block = BLOCKS.stream().filter(key -> text.startsWith(key, at)).findFirst().orElseThrow();
            at += block.length();
            hops.add(new BodyPath.Hop(index, block));
        }
        return new Parsed(new BodyPath(worker, hops), -1);
    }

    private boolean skip(String literal) {
        if (text.startsWith(literal, at)) {
            at += literal.length();
            return true;
        }
        return false;
    }

    private void expect(String literal) {
        if (!skip(literal)) {
            throw new IllegalArgumentException("expected " + literal);
        }
    }

    private int number() {
        int start = at;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        return Integer.parseInt(text.substring(start, at));
    }
}
