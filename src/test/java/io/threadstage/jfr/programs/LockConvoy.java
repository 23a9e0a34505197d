package io.threadstage.jfr.programs;

import java.util.ArrayList;
import java.util.List;

/**
 * A lock convoy on {@code synchronized}: Holder takes the baton and keeps it while Convoy-1,
 * Convoy-2 and Convoy-3 arrive one after another and block on it; then each holds it for a
 * while in turn, so every one of them enters the monitor from the one before.
 */
public final class LockConvoy {

    /** The monitor everyone queues on; a class of its own so the lanes name it. */
    static final class Baton {
    }

    static final Baton BATON = new Baton();

    public static void main(String[] args) throws InterruptedException {
        Thread holder = new Thread(() -> hold(300), "Holder");
        holder.start();
        Thread.sleep(50);
        List<Thread> convoy = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Thread thread = new Thread(() -> hold(40), "Convoy-" + i);
            convoy.add(thread);
            thread.start();
            Thread.sleep(30);
        }
        holder.join();
        for (Thread thread : convoy) {
            thread.join();
        }
    }

    private static void hold(long millis) {
        synchronized (BATON) {
            Programs.busy(millis);
        }
    }
}
