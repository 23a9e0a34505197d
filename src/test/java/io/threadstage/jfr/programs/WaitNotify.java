package io.threadstage.jfr.programs;

/**
 * {@code Object.wait} and {@code notify}: Waiter waits on the mailbox until Notifier, 150 ms
 * later (and not before Waiter waits, however slow the machine), puts a letter in and notifies it.
 */
public final class WaitNotify {

    static final class Mailbox {
        boolean full;
    }

    static final Mailbox MAILBOX = new Mailbox();

    public static void main(String[] args) throws InterruptedException {
        Thread waiter = new Thread(() -> {
            synchronized (MAILBOX) {
                while (!MAILBOX.full) {
                    try {
                        MAILBOX.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "Waiter");
        Thread notifier = new Thread(() -> {
            Programs.sleep(150);
            Programs.awaitState(waiter, Thread.State.WAITING);
            synchronized (MAILBOX) {
                MAILBOX.full = true;
                MAILBOX.notify();
            }
        }, "Notifier");
        waiter.start();
        Programs.awaitState(waiter, Thread.State.WAITING);
        notifier.start();
        waiter.join();
        notifier.join();
    }
}
