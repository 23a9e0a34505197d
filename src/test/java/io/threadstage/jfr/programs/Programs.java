package io.threadstage.jfr.programs;

/** What the test programs share. */
final class Programs {

    private Programs() {
    }

    /** Runs (no sleep, no park) for about {@code millis}, so the lane shows running. */
    static void busy(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        long spin = 0;
        while (System.nanoTime() < end) {
            spin++;
        }
        if (spin == -1) {
            System.out.println(spin);
        }
    }

    /**
     * Spins until {@code thread} is in {@code state} (or has ended), without sleeping or parking,
     * which would be waits of their own in the recording: a program's moves then happen in the
     * order the test expects however slow the machine.
     */
    static void awaitState(Thread thread, Thread.State state) {
        while (thread.getState() != state && thread.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
