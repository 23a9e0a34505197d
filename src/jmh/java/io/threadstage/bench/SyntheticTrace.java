package io.threadstage.bench;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceStore;
import java.util.SplittableRandom;

/**
 * A large seeded trace for benchmarks: {@code threads} threads over {@code durationNanos}, mostly
 * state changes with queue traffic, lock handoffs, prints and exceptions mixed in. Appended
 * straight into a store (no list of events is kept). Single-threaded.
 */
final class SyntheticTrace {

    private static final Reason[] WAITS = {Reason.SLEEP, Reason.IO, Reason.LOCK, Reason.QUEUE_GET, Reason.QUEUE_PUT,
            Reason.EVENT, Reason.JOIN, Reason.FUTURE};

    private SyntheticTrace() {
    }

    static TraceStore build(int threads, long events, long durationNanos, long seed) {
        TraceStore store = new TraceStore();
        SplittableRandom random = new SplittableRandom(seed);
        long seq = 0;
        long t = 0;
        for (int tid = 0; tid < threads; tid++) {
            store.append(new TraceEvent.ThreadInfo(seq++, t, tid, tid == 0 ? "MainThread" : "worker-" + tid,
                    tid == 0 ? "main" : tid % 10 == 0 ? "pool" : "target", tid % 3 == 0, null, null));
            store.append(new TraceEvent.State(seq++, t, tid, null, ThreadState.RUNNING, Reason.NONE, null));
        }
        boolean[] waiting = new boolean[threads];
        int[] depth = new int[4];
        int[] lockOwner = {-1, -1, -1, -1, -1, -1, -1, -1};
        double step = (double) durationNanos / events;
        while (seq < events - 1) {
            t = (long) (seq * step);
            int tid = random.nextInt(threads);
            int roll = random.nextInt(100);
            if (roll < 85) {
                if (waiting[tid]) {
                    store.append(new TraceEvent.State(seq++, t, tid, null, ThreadState.RUNNING, Reason.NONE, null));
                } else {
                    Reason reason = WAITS[random.nextInt(WAITS.length)];
                    store.append(new TraceEvent.State(seq++, t, tid, null, ThreadState.WAITING, reason,
                            reason == Reason.SLEEP || reason == Reason.IO ? null : "r" + random.nextInt(8)));
                }
                waiting[tid] = !waiting[tid];
            } else if (roll < 91) {
                int q = random.nextInt(4);
                boolean put = depth[q] == 0 || random.nextBoolean();
                depth[q] += put ? 1 : -1;
                store.append(new TraceEvent.QueueDepth(seq++, t, "q" + q, depth[q], 0, tid, null, put ? "put" : "get"));
            } else if (roll < 96) {
                int lock = random.nextInt(8);
                int owner = lockOwner[lock] < 0 ? tid : -1;
                lockOwner[lock] = owner;
                store.append(new TraceEvent.LockOwner(seq++, t, "lock" + lock, owner));
            } else if (roll < 99) {
                store.append(new TraceEvent.Print(seq++, t, tid, null, "line " + random.nextInt(100)));
            } else {
                store.append(new TraceEvent.ExceptionRaised(seq++, t, tid, null, "ValueError", "bad " + random.nextInt(10),
                        random.nextBoolean()));
            }
        }
        store.append(new TraceEvent.End(seq, durationNanos, Outcome.COMPLETED, null));
        return store;
    }
}
