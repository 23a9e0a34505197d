package io.threadstage.picture;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines under the stage's title that say how a run ended: a deadlock's whole cycle is the
 * lesson, so the message wraps to a second line rather than losing its end; a longer one ends in
 * an ellipsis there (the status line and the hover have it whole).
 */
final class BannerLines {

    static final int MOST = 2;
    private static final double LINE_SPACING = 1.3;

    private BannerLines() {
    }

    /** The message's lines at {@code size} within {@code usable} pixels, at most {@value #MOST}. */
    static List<String> of(String message, double usable, double size) {
        List<String> lines = new ArrayList<>();
        if (message == null || message.isBlank()) {
            return lines;
        }
        String[] words = message.trim().split("\\s+");
        StringBuilder line = new StringBuilder();
        int word = 0;
        while (word < words.length && lines.size() < MOST - 1) {
            String longer = line.length() == 0 ? words[word] : line + " " + words[word];
            if (line.length() > 0 && StageMetrics.textWidth(longer, size) > usable) {
                lines.add(line.toString());
                line.setLength(0);
            } else {
                line.setLength(0);
                line.append(longer);
                word++;
            }
        }
        for (; word < words.length; word++) {
            line.append(line.length() == 0 ? "" : " ").append(words[word]);
        }
        lines.add(FrameBuilder.fit(line.toString(), usable, size));
        return lines;
    }

    /** The height the banner takes at metrics {@code m} on a stage {@code width} wide; 0 without one. */
    static double height(String message, double width, StageMetrics m) {
        int lines = of(message, usable(width), m.font()).size();
        return lines == 0 ? 0 : m.font() + 12 + (lines - 1) * lineHeight(m);
    }

    static double usable(double width) {
        return width - 12 - StageLayout.RIGHT_MARGIN;
    }

    static double lineHeight(StageMetrics m) {
        return m.font() * LINE_SPACING;
    }
}
