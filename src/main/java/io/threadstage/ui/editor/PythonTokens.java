package io.threadstage.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small Python tokenizer for colouring the code view: enough to tell keywords, builtins,
 * strings, numbers, comments and defined names apart in the generator's output, nothing more.
 * Not thread-safe: it remembers an open triple-quoted string from one line to the next.
 */
public final class PythonTokens {

    public enum Kind { KEYWORD, BUILTIN, STRING, NUMBER, COMMENT, DEFINITION, PLAIN }

    public record Token(Kind kind, String text) {
    }

    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "break",
            "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
            "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield");

    private static final Set<String> BUILTINS = Set.of("print", "range", "len", "list", "str", "int", "super",
            "self", "threading", "queue", "time", "concurrent", "Exception", "RuntimeError", "ValueError",
            "TypeError", "KeyError", "AttributeError");

    private String openTriple;

    /** Tokens of the lines of {@code text}, one list per line. */
    public static List<List<Token>> lines(String text) {
        PythonTokens tokens = new PythonTokens();
        List<List<Token>> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(tokens.line(line));
        }
        if (!lines.isEmpty() && text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    public List<Token> line(String line) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        boolean nameIsDefinition = false;
        if (openTriple != null) {
            int end = line.indexOf(openTriple);
            if (end < 0) {
                tokens.add(new Token(Kind.STRING, line));
                return tokens;
            }
            tokens.add(new Token(Kind.STRING, line.substring(0, end + 3)));
            i = end + 3;
            openTriple = null;
        }
        while (i < line.length()) {
            char c = line.charAt(i);
            int start = i;
            if (c == '#') {
                tokens.add(new Token(Kind.COMMENT, line.substring(i)));
                break;
            }
            if (isStringStart(line, i)) {
                i = stringEnd(line, i, tokens);
                continue;
            }
            if (Character.isDigit(c)) {
                while (i < line.length() && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, line.substring(start, i)));
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                while (i < line.length() && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_')) {
                    i++;
                }
                String word = line.substring(start, i);
                Kind kind = nameIsDefinition ? Kind.DEFINITION
                        : KEYWORDS.contains(word) ? Kind.KEYWORD
                        : BUILTINS.contains(word) ? Kind.BUILTIN : Kind.PLAIN;
                nameIsDefinition = word.equals("def") || word.equals("class");
                tokens.add(new Token(kind, word));
                continue;
            }
            while (i < line.length() && !Character.isLetterOrDigit(line.charAt(i)) && line.charAt(i) != '_'
                    && line.charAt(i) != '#' && !isStringStart(line, i)) {
                i++;
            }
            tokens.add(new Token(Kind.PLAIN, line.substring(start, i)));
        }
        return tokens;
    }

    private static boolean isStringStart(String line, int i) {
        char c = line.charAt(i);
        if (c == '"' || c == '\'') {
            return true;
        }
        // f"...", r'...', b"..." prefixes, when not the end of a longer name
        return (c == 'f' || c == 'r' || c == 'b' || c == 'F' || c == 'R' || c == 'B')
                && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\'')
                && (i == 0 || !Character.isLetterOrDigit(line.charAt(i - 1)));
    }

    private int stringEnd(String line, int start, List<Token> tokens) {
        int i = start;
        if (line.charAt(i) != '"' && line.charAt(i) != '\'') {
            i++;
        }
        char quote = line.charAt(i);
        String triple = String.valueOf(quote).repeat(3);
        if (line.startsWith(triple, i)) {
            int end = line.indexOf(triple, i + 3);
            if (end < 0) {
                openTriple = triple;
                tokens.add(new Token(Kind.STRING, line.substring(start)));
                return line.length();
            }
            tokens.add(new Token(Kind.STRING, line.substring(start, end + 3)));
            return end + 3;
        }
        i++;
        while (i < line.length() && line.charAt(i) != quote) {
            i += line.charAt(i) == '\\' ? 2 : 1;
        }
        int end = Math.min(i + 1, line.length());
        tokens.add(new Token(Kind.STRING, line.substring(start, end)));
        return end;
    }
}
