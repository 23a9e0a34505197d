package io.threadstage.export;

import io.threadstage.trace.TraceStore;
import java.util.List;
import java.util.Map;

/**
 * What one slide shows: the lesson's caption over the stage of a run, the program's Python with
 * the line each thread stands on, and the console. Plain data, no toolkit; any thread (the store
 * belongs to whoever owns it while the slide is drawn).
 *
 * @param title   the stage's title (null: none)
 * @param caption the lesson's text over everything (null or blank: no caption band)
 * @param code    the program's source, one entry a line
 * @param marks   line (1-based) to the threads standing on it
 * @param console the console's lines, oldest first (only the newest that fit are drawn)
 */
public record SlideContent(String title, String caption, TraceStore store, List<String> code,
                           Map<Integer, List<ThreadMark>> marks, List<ConsoleText> console, boolean highContrast) {

    /** A thread on a line of code: the tid picks its colour, the name is the tag's text. */
    public record ThreadMark(int tid, String thread) {
    }

    /** One console line; {@code error} for standard error (tracebacks). */
    public record ConsoleText(String text, boolean error) {
    }

    public SlideContent {
        code = List.copyOf(code);
        marks = Map.copyOf(marks);
        console = List.copyOf(console);
    }
}
