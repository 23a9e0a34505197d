package io.threadstage.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrintTemplateTest {

    @Test
    void splitsLiteralTextAndPlaceholders() {
        assertEquals(List.of(new PrintTemplate.Part("saved ", false), new PrintTemplate.Part("item", true),
                new PrintTemplate.Part(" on ", false), new PrintTemplate.Part("thread", true)),
                PrintTemplate.parts("saved {item} on {thread}"));
    }

    @Test
    void doubledBracesAreLiteralBraces() {
        assertEquals(List.of(new PrintTemplate.Part("{x} is ", false), new PrintTemplate.Part("x", true),
                new PrintTemplate.Part(" }", false)), PrintTemplate.parts("{{x}} is {x} }}"));
        assertNull(PrintTemplate.syntaxProblem("{{x}} is {x} }}", "the text"));
    }

    @Test
    void aTextWithoutBracesIsOnePart() {
        assertEquals(List.of(new PrintTemplate.Part("done", false)), PrintTemplate.parts("done"));
        assertEquals(List.of(), PrintTemplate.parts(""));
    }

    @Test
    void malformedBracesAreNamed() {
        assertEquals("single \"{\" in the text (write {{ for a brace)", PrintTemplate.syntaxProblem("a {b", "the text"));
        assertEquals("single \"}\" in \"returns\" (write }} for a brace)", PrintTemplate.syntaxProblem("a } b", "\"returns\""));
        assertEquals("\"{}\" in the text is not a {name} (write {{ for a brace)", PrintTemplate.syntaxProblem("{}", "the text"));
        assertEquals("\"{n:>3}\" in the text is not a {name} (write {{ for a brace)",
                PrintTemplate.syntaxProblem("{n:>3}", "the text"));
    }
}
