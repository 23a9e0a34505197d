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
    void plainWorkSharesTheFileThreadAndItsOrderWithoutAHandOver() throws Exception {
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch last = new java.util.concurrent.CountDownLatch(1);
        files.submit(() -> {
            order.add("trace on " + Thread.currentThread().getName());
            return "trace";
        }, done -> order.add("handed back"), failure -> order.add("failed"));
        files.execute(() -> order.add("autosave on " + Thread.currentThread().getName()));
        files.execute(() -> {
            order.add("clip on " + Thread.currentThread().getName());
            last.countDown();
        });
        assertTrue(last.await(10, TimeUnit.SECONDS), "the plain work ran");
        assertEquals(List.of("trace on threadstage-files", "autosave on threadstage-files", "clip on threadstage-files"),
                order);
        runNextHandOver();
        assertEquals("handed back", order.get(3));
        assertEquals(0, handedBack.size(), "plain work hands nothing back");
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
