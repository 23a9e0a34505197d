package io.threadstage.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void fillsKnownNamesKeepsUnknownOnesAndUndoublesBraces() {
        assertEquals("{a} 1 {nobody} }", Template.fill("{{a}} {x} {nobody} }}", name -> name.equals("x") ? "1" : null));
    }

    @Test
    void aTextWithoutPlaceholdersIsItself() {
        assertEquals("done", Template.fill("done", name -> "never"));
        assertEquals("", Template.fill("", name -> "never"));
    }
}
