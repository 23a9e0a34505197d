package io.threadstage.jfr.programs;

import java.util.concurrent.CountDownLatch;

/**
 * A deadlock: Left takes the fork then wants the knife, Right takes the knife then wants the
 * fork. Prints {@code deadlocked} once both hold their first, and never ends by itself: the
 * test kills it after a timeout, as a user would.
 */
public final class Deadlock {

    static final class Fork {
    }

    static final class Knife {
    }

    static final Fork FORK = new Fork();
    static final Knife KNIFE = new Knife();

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch bothHold = new CountDownLatch(2);
        Thread left = new Thread(() -> take(FORK, KNIFE, bothHold), "Left");
        Thread right = new Thread(() -> take(KNIFE, FORK, bothHold), "Right");
        left.start();
        // a thread records its own start once it runs: Left first, so the lanes' order is known
        Programs.awaitState(left, Thread.State.WAITING);
        right.start();
        bothHold.await();
        Programs.sleep(100);
        System.out.println("deadlocked");
        System.out.flush();
        left.join();
    }

    private static void take(Object first, Object second, CountDownLatch bothHold) {
        synchronized (first) {
            bothHold.countDown();
            try {
                bothHold.await();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (second) {
                Programs.busy(1);
            }
        }
    }
}
