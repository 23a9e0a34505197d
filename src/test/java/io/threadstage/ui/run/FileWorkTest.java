package io.threadstage.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FileWorkTest {

    private final BlockingQueue<Runnable> handedBack = new LinkedBlockingQueue<>();
    private final FileWork files = new FileWork(handedBack::add);

    private void runNextHandOver() throws InterruptedException {
        Runnable next = handedBack.poll(10, TimeUnit.SECONDS);
        assertTrue(next != null, "a result came back");
        next.run();
    }

    @Test
    void workRunsInOrderOnOneNamedThreadAndEachResultComesBackOnce() throws Exception {
        List<String> threads = new ArrayList<>();
        List<String> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            files.submit(() -> {
                threads.add(Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? " daemon" : ""));
                return "file " + n;
            }, results::add, failure -> results.add("failed"));
        }
        for (int i = 0; i < 3; i++) {
            runNextHandOver();
        }
        assertEquals(List.of("file 0", "file 1", "file 2"), results, "in order, on the caller's side");
        assertEquals(List.of("threadstage-files daemon", "threadstage-files daemon", "threadstage-files daemon"), threads);
        assertNotEquals("threadstage-files", Thread.currentThread().getName());
        assertEquals(0, handedBack.size(), "one hand-over per file");
        files.shutdown();
    }

    @Test
    void aFailureComesBackAsTheException() throws Exception {
        List<String> said = new ArrayList<>();
        files.submit(() -> {
            throw new IOException("disk full");
        }, done -> said.add("done"), failure -> said.add(failure.getMessage()));
        runNextHandOver();
        assertEquals(List.of("disk full"), said);
        files.shutdown();
    }
}
