package io.threadstage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonCommandTest {

    @TempDir
    Path folder;

    @Test
    void badInputExitsTwoWithTheLoadersMessage() throws IOException {
        Path broken = folder.resolve("broken.json");
        Files.writeString(broken, "{ not json");
        CPythonJudgeTest.Captured run = CPythonJudgeTest.Captured.run("python", broken.toString());
        assertEquals(2, run.exitCode());
        assertEquals(java.util.List.of(), run.stdout());
        assertEquals(1, run.stderr().size(), run.stderr().toString());
        assertTrue(run.stderr().get(0).startsWith(broken.toString() + ": "), run.stderr().get(0));
    }

    @Test
    void missingFileArgumentIsAUsageError() {
        CPythonJudgeTest.Captured run = CPythonJudgeTest.Captured.run("python");
        assertEquals(2, run.exitCode());
        assertEquals(java.util.List.of("usage: threadstage python FILE"), run.stderr());
    }

    @Test
    void lessonPrintsTheProgramOfThatLesson() {
        CPythonJudgeTest.Captured run = CPythonJudgeTest.Captured.run("python", "lesson:producer-consumer");
        assertEquals(0, run.exitCode(), run.stderr().toString());
        // the docstring comes first, after any comment about the build the program is written for
        String first = run.stdout().stream().filter(line -> !line.startsWith("#")).findFirst().orElseThrow();
        assertEquals("\"\"\"Producer and consumer over a bounded queue\"\"\"", first);
        assertTrue(run.stdout().contains("jobs = queue.Queue(maxsize=2)"), run.stdout().toString());
        assertTrue(run.stdout().contains("        while (item := jobs.get()) is not None:"), run.stdout().toString());
    }

    @Test
    void theProgramIsUtf8WhateverTheConsoleEncoding() throws IOException {
        Path scenario = folder.resolve("accents.json");
        Files.writeString(scenario, "{\"format\": \"threadstage/1\", \"title\": \"Caf\u00e9 \u4e2d \ud83d\ude00\","
                + " \"main\": [{\"print\": \"\u00e9t\u00e9\"}]}", StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // what System.out is under LANG=C: an ASCII console, where Java writes anything else as "?"
        try (PrintStream ascii = new PrintStream(bytes, true, StandardCharsets.US_ASCII);
             PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.US_ASCII)) {
            assertEquals(0, new CommandLine(ascii, err).run(new String[] {"python", scenario.toString()}));
        }
        String program = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(program.startsWith("\"\"\"Caf\u00e9 \u4e2d \ud83d\ude00\"\"\"\n"), program);
        assertTrue(program.contains("    print(\"\u00e9t\u00e9\")\n"), program);
    }
}
