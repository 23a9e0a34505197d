package io.threadstage.ui.run;

import io.threadstage.core.Console;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The run's console as the core sees it: worker threads add lines to a lock-free queue and
 * return at once; the FX thread takes them out once per pulse ({@link #drain}), so a chatty
 * program costs one UI update a frame, not one per line. Written by the run's threads, drained
 * by the FX thread.
 */
public final class ConsoleFeed implements Console {

    private final Queue<ConsoleLine> lines = new ConcurrentLinkedQueue<>();

    @Override
    public void out(String line) {
        lines.add(new ConsoleLine(line, false));
    }

    @Override
    public void err(String text) {
        // a report may span lines; the pane shows one row per line
        for (String line : text.split("\n", -1)) {
            lines.add(new ConsoleLine(line, true));
        }
    }

    /** Hands at most {@code limit} waiting lines to {@code sink}, oldest first; returns how many. */
    public int drain(int limit, Consumer<ConsoleLine> sink) {
        int taken = 0;
        ConsoleLine line;
        while (taken < limit && (line = lines.poll()) != null) {
            sink.accept(line);
            taken++;
        }
        return taken;
    }
}
