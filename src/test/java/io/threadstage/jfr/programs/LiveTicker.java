package io.threadstage.jfr.programs;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs until told to end, so a live reading can be seen before the end: Sleeper sleeps 50 ms
 * at a time, Grabber and Keeper take turns on one monitor (Keeper holds it 30 ms, Grabber waits
 * for it), until the file named by the first argument exists (or a minute passed); then prints
 * {@code done}.
 */
public final class LiveTicker {

    static final class Baton {
    }

    private static final Baton BATON = new Baton();
    private static volatile boolean over;

    public static void main(String[] args) throws InterruptedException {
        Path stop = Path.of(args[0]);
        long deadline = System.nanoTime() + 60_000_000_000L;
        Thread sleeper = new Thread(() -> {
            while (!over) {
                Programs.sleep(50);
            }
        }, "Sleeper");
        Thread keeper = new Thread(() -> {
            while (!over) {
                synchronized (BATON) {
                    Programs.busy(30);
                }
                Programs.sleep(5);
            }
        }, "Keeper");
        Thread grabber = new Thread(() -> {
            while (!over) {
                synchronized (BATON) {
                    Programs.busy(1);
                }
                Programs.sleep(2);
            }
        }, "Grabber");
        sleeper.start();
        keeper.start();
        grabber.start();
        System.out.println("started");
        while (!Files.exists(stop) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        over = true;
        sleeper.join();
        keeper.join();
        grabber.join();
        System.out.println("done");
    }
}
