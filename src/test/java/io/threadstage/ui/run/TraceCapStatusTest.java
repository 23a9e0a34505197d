package io.threadstage.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.io.ScenarioLoader;
import io.threadstage.model.Scenario;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceStore;
import io.threadstage.ui.inspect.InstantConsole;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The trace's cap as the window tells it: the status says the cap before the run records much,
 * warns as the run nears it, and a run that reaches it ends with the status, the run's console
 * and the console of the stage's instant saying so, its trace whole up to the cap. The cap is
 * made small so the run reaches it in a second; the test thread plays the FX thread.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TraceCapStatusTest {

    private static final long CAP = 3_000;
    /** A worker that prints and sleeps a millisecond, far longer than the cap lets it. */
    private static final String CHATTY = """
            {"format": "threadstage/1", "title": "Chatty",
             "workers": [{"name": "Chatty", "style": "target", "function": "chat",
                          "steps": [{"repeat": 100000, "do": [{"print": "x"}, {"sleep": 1}]}]}],
             "main": [{"start": "Chatty"}, {"join": "Chatty"}]}
            """;

    private final RunViewModel runs = new RunViewModel(new FileWork(Runnable::run));
    private final List<String> said = new ArrayList<>();

    @Test
    void theCapIsToldWarnedOfAndAReachedCapEndsTheRunWithAMessage() throws Exception {
        runs.traceRoom().textProperty().addListener((obs, was, now) -> said.add(now));
        runs.setTraceCap(CAP);
        runs.run(parse(CHATTY), 1);
        assertEquals("trace cap: 3,000 events", runs.traceRoom().textProperty().get(), "told before the run records");
        assertFalse(runs.traceRoom().nearlyFullProperty().get());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (runs.isRunning() && System.nanoTime() < deadline) {
            runs.pulse();
            Thread.sleep(16); // one frame: this stands in for the FX pulse, not for a condition
        }
        assertFalse(runs.isRunning(), "the capped run ended");

        assertTrue(said.stream().anyMatch(text -> text.matches("trace (8\\d|9\\d)% full: [\\d,]+ of 3,000 events")),
                "warned while nearing the cap: " + said);
        assertEquals("trace cap reached: 3,000 events", said.get(said.size() - 1));
        assertTrue(runs.traceRoom().nearlyFullProperty().get());
        String reached = "trace capacity reached: the recorder holds at most 3000 events;";
        assertTrue(runs.statusProperty().get().startsWith("error: " + reached), runs.statusProperty().get());
        ConsoleLine last = runs.consoleLines().get(runs.consoleLines().size() - 1);
        assertTrue(last.error() && last.text().startsWith(reached), last.toString());
        assertEquals("x", runs.consoleLines().get(0).text(), "the prints before the cap are kept");

        TraceStore store = runs.store();
        assertEquals(Outcome.ERROR, store.outcome());
        assertTrue(store.eventCount() <= CAP + 1, "the cap and the end line: " + store.eventCount());
        assertTrue(store.eventCount() > CAP - 600, "whole up to the cap, a reservation block per thread early at most: "
                + store.eventCount());

        InstantConsole atEnd = new InstantConsole();
        atEnd.show(store, Long.MAX_VALUE);
        ConsoleLine note = atEnd.lines().get(atEnd.lines().size() - 1);
        assertTrue(note.error() && note.text().startsWith(reached), "the stage's console ends with why: " + note);
        long before = store.startNanos() + (store.endNanos() - store.startNanos()) / 2;
        atEnd.show(store, before);
        assertTrue(atEnd.lines().stream().noneMatch(line -> line.text().startsWith(reached)),
                "an instant before the end has no note yet");
        atEnd.show(store, Long.MAX_VALUE);
        assertEquals(note, atEnd.lines().get(atEnd.lines().size() - 1), "and it comes back at the end");
    }

    @Test
    void wordsForTheRoomLeft() {
        TraceRoom room = new TraceRoom();
        room.start(89_478_485);
        assertEquals("trace cap: 89.5 M events", room.textProperty().get());
        room.recorded(71_000_000);
        assertEquals("trace cap: 89.5 M events", room.textProperty().get(), "79%: no warning yet");
        room.recorded(71_600_000);
        assertEquals("trace 80% full: 71.6 M of 89.5 M events", room.textProperty().get());
        assertTrue(room.nearlyFullProperty().get());
        room.clear();
        assertEquals("", room.textProperty().get());
        assertFalse(room.nearlyFullProperty().get());
    }

    private static Scenario parse(String json) throws Exception {
        return new ScenarioLoader().parse("chatty.json", json.getBytes(StandardCharsets.UTF_8));
    }
}
