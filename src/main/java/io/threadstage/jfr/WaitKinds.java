package io.threadstage.jfr;

import io.threadstage.trace.Reason;

/**
 * The trace's wait reason for a park, from the blocker's class (the object given to
 * {@code LockSupport.park}): a condition or a latch is an {@code event} wait, a future a
 * {@code future}, an idle fork-join worker {@code idle}, a hand-off queue {@code queue_get},
 * every lock and any other blocker {@code lock}, and so is a park without a blocker, which says
 * nothing more. Stateless.
 */
final class WaitKinds {

    private WaitKinds() {
    }

    static Reason ofPark(String blockerClass) {
        if (blockerClass == null) {
            return Reason.LOCK;
        }
        if (blockerClass.endsWith("$ConditionObject") || blockerClass.startsWith("java.util.concurrent.CountDownLatch")
                || blockerClass.startsWith("java.util.concurrent.CyclicBarrier")
                || blockerClass.startsWith("java.util.concurrent.Phaser")) {
            return Reason.EVENT;
        }
        if (blockerClass.startsWith("java.util.concurrent.FutureTask")
                || blockerClass.startsWith("java.util.concurrent.CompletableFuture")
                || blockerClass.startsWith("java.util.concurrent.ForkJoinTask")) {
            return Reason.FUTURE;
        }
        if (blockerClass.equals("java.util.concurrent.ForkJoinPool")) {
            return Reason.IDLE;
        }
        if (blockerClass.startsWith("java.util.concurrent.SynchronousQueue")
                || blockerClass.startsWith("java.util.concurrent.LinkedTransferQueue")
                || blockerClass.startsWith("java.util.concurrent.Exchanger")) {
            return Reason.QUEUE_GET;
        }
        return Reason.LOCK;
    }
}
