package io.threadstage.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadstage.ui.editor.PythonTokens.Kind;
import io.threadstage.ui.editor.PythonTokens.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonTokensTest {

    @Test
    void coloursKeywordsDefinitionsStringsNumbersAndComments() {
        List<Token> tokens = new PythonTokens().line("def produce(n):  # make 3");
        assertEquals(List.of(new Token(Kind.KEYWORD, "def"), new Token(Kind.PLAIN, " "),
                new Token(Kind.DEFINITION, "produce"), new Token(Kind.PLAIN, "("), new Token(Kind.PLAIN, "n"),
                new Token(Kind.PLAIN, "):  "), new Token(Kind.COMMENT, "# make 3")), tokens);
    }

    @Test
    void fStringsAndEscapedQuotesStayOneToken() {
        List<Token> tokens = new PythonTokens().line("    print(f\"it's \\\"{x}\\\"\", 2.5)");
        assertEquals(new Token(Kind.BUILTIN, "print"), tokens.get(1));
        assertEquals(new Token(Kind.STRING, "f\"it's \\\"{x}\\\"\""), tokens.get(3));
        assertEquals(new Token(Kind.NUMBER, "2.5"), tokens.get(5));
    }

    @Test
    void tripleQuotedStringsSpanLines() {
        List<List<Token>> lines = PythonTokens.lines("x = \"\"\"a\nb\n\"\"\" + 1\n");
        assertEquals(3, lines.size());
        assertEquals(List.of(new Token(Kind.STRING, "b")), lines.get(1));
        assertEquals(new Token(Kind.STRING, "\"\"\""), lines.get(2).get(0));
        assertEquals(new Token(Kind.NUMBER, "1"), lines.get(2).get(2));
    }
}
