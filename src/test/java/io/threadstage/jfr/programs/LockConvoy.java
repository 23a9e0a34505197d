package io.threadstage.jfr.programs;

import java.util.ArrayList;
import java.util.List;

/**
 * A lock convoy on {@code synchronized}: Holder takes the baton (before any other thread
 * starts) and keeps it until Convoy-1,
 * Convoy-2 and Convoy-3 have each arrived and blocked on it (started one after another, each
 * once the one before blocks, so however slow the machine they queue); then each holds it for
 * a while in turn, so every one of them enters the monitor from the one before.
 */
public final class LockConvoy {

    /** The monitor everyone queues on; a class of its own so the lanes name it. */
    static final class Baton {
    }

    static final Baton BATON = new Baton();
    private static volatile boolean convoyFormed;
    private static volatile boolean holding;

    public static void main(String[] args) throws InterruptedException {
        Thread holder = new Thread(() -> {
            synchronized (BATON) {
                holding = true;
                while (!convoyFormed) {
                    Thread.onSpinWait();
                }
            }
        }, "Holder");
        holder.start();
        // on a loaded machine Convoy-1 could otherwise reach the baton before Holder, and never queue
        while (!holding) {
            Thread.onSpinWait();
        }
        List<Thread> convoy = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Thread thread = new Thread(() -> {
                synchronized (BATON) {
                    Programs.busy(40);
                }
            }, "Convoy-" + i);
            convoy.add(thread);
            thread.start();
            Programs.awaitState(thread, Thread.State.BLOCKED);
        }
        convoyFormed = true;
        holder.join();
        for (Thread thread : convoy) {
            thread.join();
        }
    }
}
