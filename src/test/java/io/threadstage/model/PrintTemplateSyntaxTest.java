package io.threadstage.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrintTemplateSyntaxTest {

    @Test
    void splitsLiteralTextAndPlaceholders() {
        assertEquals(List.of(new PrintTemplateSyntax.Part("saved ", false), new PrintTemplateSyntax.Part("item", true),
                new PrintTemplateSyntax.Part(" on ", false), new PrintTemplateSyntax.Part("thread", true)),
                PrintTemplateSyntax.parts("saved {item} on {thread}"));
    }

    @Test
    void doubledBracesAreLiteralBraces() {
        assertEquals(List.of(new PrintTemplateSyntax.Part("{x} is ", false), new PrintTemplateSyntax.Part("x", true),
                new PrintTemplateSyntax.Part(" }", false)), PrintTemplateSyntax.parts("{{x}} is {x} }}"));
        assertNull(PrintTemplateSyntax.syntaxProblem("{{x}} is {x} }}", "the text"));
    }

    @Test
    void aTextWithoutBracesIsOnePart() {
        assertEquals(List.of(new PrintTemplateSyntax.Part("done", false)), PrintTemplateSyntax.parts("done"));
        assertEquals(List.of(), PrintTemplateSyntax.parts(""));
    }

    @Test
    void malformedBracesAreNamed() {
        assertEquals("single \"{\" in the text (write {{ for a brace)", PrintTemplateSyntax.syntaxProblem("a {b", "the text"));
        assertEquals("single \"}\" in \"returns\" (write }} for a brace)", PrintTemplateSyntax.syntaxProblem("a } b", "\"returns\""));
        assertEquals("\"{}\" in the text is not a {name} (write {{ for a brace)", PrintTemplateSyntax.syntaxProblem("{}", "the text"));
        assertEquals("\"{n:>3}\" in the text is not a {name} (write {{ for a brace)",
                PrintTemplateSyntax.syntaxProblem("{n:>3}", "the text"));
    }
}
