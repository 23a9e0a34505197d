package io.threadstage.picture;

import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceBuilder;
import io.threadstage.trace.TraceHeader;

/** Hand-made traces shaped like the lessons, for pictures and pixel tests. */
public final class SampleTraces {

    private SampleTraces() {
    }

    public static TraceHeader header(String title, boolean gil) {
        return new TraceHeader(title, "2026-11-25T21:00:00Z", 1.0, gil);
    }

    /** Main starts a producer and two consumers on a queue of maxsize 3, then joins them: a small simulation. */
    public static TraceBuilder producerConsumer() {
        return new ProducerConsumer().run();
    }

    /** A discrete-event simulation, so every event comes in time order. */
    private static final class ProducerConsumer {
        private final TraceBuilder b = new TraceBuilder();
        private final java.util.PriorityQueue<double[]> agenda =
                new java.util.PriorityQueue<>((x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0]) : Double.compare(x[1], y[1]));
        private final java.util.Map<Integer, Runnable> actions = new java.util.HashMap<>();
        private int nextAction;
        private double now;
        private int depth;
        private int produced;
        private int consumed;
        private boolean producerBlocked;
        private final java.util.ArrayDeque<Integer> waitingConsumers = new java.util.ArrayDeque<>();

        private void later(double ms, Runnable action) {
            actions.put(nextAction, action);
            agenda.add(new double[] {now + ms, nextAction++});
        }

        TraceBuilder run() {
            b.at(0).thread(0, "MainThread", "main", false).running(0);
            b.atMs(2).thread(1, "producer", "target", false).created(1);
            b.atMs(3).thread(2, "consumer-1", "target", true).created(2);
            b.atMs(4).thread(3, "consumer-2", "target", true).created(3);
            b.atMs(6).running(1).atMs(7).running(2).atMs(8).running(3);
            now = 8;
            later(1, () -> consumerGet(2));
            later(1.5, () -> consumerGet(3));
            later(2, () -> b.join(0, 1, true, false).waiting(0, Reason.JOIN, "producer"));
            later(12, this::producerPut);
            while (!agenda.isEmpty()) {
                double[] next = agenda.poll();
                now = next[0];
                b.atMs(now);
                actions.remove((int) next[1]).run();
            }
            return b;
        }

        private void producerPut() {
            if (depth == 3) {
                producerBlocked = true;
                b.waiting(1, Reason.QUEUE_PUT, "q");
                return;
            }
            b.running(1);
            depth++;
            b.queue("q", depth, 3, 1, "put").print(1, "produced item " + produced);
            produced++;
            if (!waitingConsumers.isEmpty()) {
                int consumer = waitingConsumers.poll();
                later(0.3, () -> take(consumer));
            }
            if (produced == 12) {
                later(3, () -> {
                    b.terminated(1, Reason.RETURNED);
                    b.join(0, 1, false, false).running(0).print(0, "producer finished");
                    later(4, () -> b.join(0, 2, true, false).waiting(0, Reason.JOIN, "consumer-1"));
                });
                return;
            }
            later(1.5, () -> b.waiting(1, Reason.SLEEP, null));
            later(13, this::producerPut);
        }

        private void consumerGet(int consumer) {
            if (depth == 0) {
                if (produced == 12) {
                    finish(consumer);
                    return;
                }
                b.waiting(consumer, Reason.QUEUE_GET, "q");
                waitingConsumers.add(consumer);
                return;
            }
            take(consumer);
        }

        private void take(int consumer) {
            depth--;
            b.queue("q", depth, 3, consumer, "get").running(consumer).print(consumer, "consumed item " + consumed);
            consumed++;
            if (producerBlocked) {
                producerBlocked = false;
                later(0.4, this::producerPut);
            }
            later(1.2, () -> b.waiting(consumer, Reason.IO, "results.txt"));
            later(consumer == 2 ? 46 : 58, () -> {
                b.running(consumer);
                later(1, () -> consumerGet(consumer));
            });
        }

        private void finish(int consumer) {
            if (consumer == 2) {
                b.exception(2, "ValueError", "item 11 is not a number", false);
                later(0.5, () -> {
                    b.terminated(2, Reason.EXCEPTION);
                    b.join(0, 2, false, false).running(0);
                    later(5, () -> b.terminated(0, Reason.RETURNED));
                    later(6, () -> b.terminated(3, Reason.KILLED_AT_EXIT).end(Outcome.COMPLETED, null));
                });
            } else {
                b.waiting(3, Reason.QUEUE_GET, "q");
            }
        }
    }

    /** Main joins a sleeper with a timeout that expires; a lock and an event hand over on the way. */
    public static TraceBuilder joinTimeoutLockEvent() {
        TraceBuilder b = new TraceBuilder();
        b.at(0).thread(0, "MainThread", "main", false).running(0).lock("counter_lock", 0);
        b.atMs(5).thread(1, "sleeper", "target", false).created(1);
        b.atMs(10).running(1).atMs(12).waiting(1, Reason.LOCK, "counter_lock");
        b.atMs(20).lock("counter_lock", -1).atMs(21).lock("counter_lock", 1).running(1);
        b.atMs(25).waiting(1, Reason.EVENT, "ready");
        b.atMs(30).join(0, 1, true, false).waiting(0, Reason.JOIN, "sleeper");
        b.atMs(50).join(0, 1, false, true).running(0).print(0, "still alive: True");
        b.atMs(60).signal(0, "ready", true).atMs(61).running(1);
        b.atMs(62).waiting(1, Reason.SLEEP, null);
        b.atMs(80).running(1).atMs(82).terminated(1, Reason.RETURNED);
        b.atMs(90).terminated(0, Reason.RETURNED).end(Outcome.COMPLETED, null);
        return b;
    }

    /** Three CPU-bound threads taking turns on the GIL every 5 ms, with pool threads idling beside them. */
    public static TraceBuilder gilTurns() {
        TraceBuilder b = new TraceBuilder();
        b.at(0).thread(0, "MainThread", "main", false).running(0).gil(0);
        for (int tid = 1; tid <= 3; tid++) {
            b.thread(tid, "cruncher-" + tid, "target", false).created(tid);
        }
        for (int tid = 4; tid <= 5; tid++) {
            b.thread(tid, "ThreadPoolExecutor-0_" + (tid - 4), "pool", true).created(tid);
        }
        b.atMs(1).running(1).running(2).running(3).running(4).running(5);
        b.atMs(1.5).waiting(4, Reason.IDLE, null).waiting(5, Reason.IDLE, null);
        b.atMs(2).join(0, 1, true, false).waiting(0, Reason.JOIN, "cruncher-1");
        int owner = 1;
        for (int slice = 0; slice < 40; slice++) {
            double t = 2 + slice * 5;
            b.atMs(t);
            for (int tid = 1; tid <= 3; tid++) {
                if (tid == owner) {
                    b.running(tid);
                } else {
                    b.waiting(tid, Reason.GIL, "GIL");
                }
            }
            b.gil(owner);
            owner = owner % 3 + 1;
        }
        b.atMs(205).terminated(1, Reason.RETURNED).terminated(2, Reason.RETURNED).terminated(3, Reason.RETURNED).gil(0);
        b.join(0, 1, false, false).running(0);
        b.atMs(206).waiting(4, Reason.FUTURE, "future-0");
        b.atMs(215).running(4).print(4, "result 42");
        b.atMs(216).waiting(4, Reason.IDLE, null);
        b.atMs(220).terminated(0, Reason.RETURNED).terminated(4, Reason.RETURNED).terminated(5, Reason.RETURNED)
                .end(Outcome.COMPLETED, null);
        return b;
    }
}
