package io.threadstage.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every query of {@link TraceStore} against a brute-force reference (linear scans over the
 * event list) on seeded random traces.
 */
class TraceStoreReferenceTest {

    private static final ThreadState[] STATES = ThreadState.values();
    private static final Reason[] WAITS = {Reason.SLEEP, Reason.IO, Reason.LOCK, Reason.JOIN, Reason.QUEUE_GET,
            Reason.QUEUE_PUT, Reason.EVENT, Reason.FUTURE, Reason.GIL, Reason.IDLE};
    private static final String[] ONS = {null, "L1", "L2", "E1", "q1"};

    /** A random but well-formed trace: times never decrease, joins pair up, queue depths follow puts and gets. */
    static List<TraceEvent> randomTrace(long seed) {
        Random random = new Random(seed);
        TraceBuilder b = new TraceBuilder();
        int lanes = 1 + random.nextInt(10);
        boolean mainLate = random.nextInt(4) == 0;
        List<Integer> alive = new ArrayList<>();
        Map<Integer, Integer> joining = new HashMap<>();
        int[] depth = new int[2];
        int nextTid = mainLate ? 1 : 0;
        int events = 200 + random.nextInt(2500);
        long t = random.nextInt(1000);
        for (int e = 0; e < events; e++) {
            int jump = random.nextInt(10);
            t += jump < 3 ? 0 : jump < 6 ? 1 + random.nextInt(10) : jump < 9 ? 100 + random.nextInt(5000)
                    : 100_000 + random.nextInt(1_000_000);
            b.at(t);
            int action = random.nextInt(100);
            if (alive.isEmpty() || (action < 4 && nextTid < lanes)) {
                int tid = nextTid++;
                if (mainLate && nextTid == lanes) {
                    nextTid = lanes;
                }
                b.thread(tid, "T" + tid, random.nextBoolean() ? "pool" : "target", random.nextBoolean());
                b.created(tid);
                alive.add(tid);
                if (mainLate && tid == lanes - 1) {
                    b.thread(0, "MainThread", "main", false).running(0);
                    alive.add(0);
                    nextTid = lanes;
                }
                continue;
            }
            int tid = alive.get(random.nextInt(alive.size()));
            int other = alive.get(random.nextInt(alive.size()));
            if (action < 50) {
                ThreadState state = STATES[random.nextInt(STATES.length)];
                Reason reason = state == ThreadState.WAITING ? WAITS[random.nextInt(WAITS.length)]
                        : state == ThreadState.TERMINATED ? Reason.RETURNED : Reason.NONE;
                String on = state == ThreadState.WAITING ? ONS[random.nextInt(ONS.length)] : null;
                b.state(tid, state, reason, on);
            } else if (action < 58) {
                b.lock(random.nextBoolean() ? "L1" : "L2", random.nextInt(3) == 0 ? -1 : other);
            } else if (action < 62) {
                b.signal(tid, "E1", random.nextInt(4) != 0);
            } else if (action < 68) {
                Integer target = joining.remove(tid);
                if (target == null) {
                    joining.put(tid, other);
                    b.join(tid, other, true, false);
                } else {
                    b.join(tid, target, false, random.nextBoolean());
                }
            } else if (action < 80) {
                int q = random.nextInt(2);
                boolean put = depth[q] == 0 || random.nextBoolean();
                depth[q] += put ? 1 : -1;
                b.queue("q" + (q + 1), depth[q], q == 0 ? 5 : 0, tid, put ? "put" : "get");
            } else if (action < 86) {
                b.gil(random.nextInt(3) == 0 ? -1 : tid);
            } else if (action < 92) {
                b.print(tid, "line " + random.nextInt(5));
            } else if (action < 96) {
                String type = random.nextBoolean() ? "RuntimeError" : "ValueError";
                b.exception(tid, type, "m" + random.nextInt(3), random.nextBoolean());
            } else {
                b.marker("caption " + e);
            }
        }
        b.at(t + random.nextInt(1000)).end(Outcome.COMPLETED, null);
        return b.events();
    }

    // ---- the reference -----------------------------------------------------------------

    record Iv(long start, int code, String on) {
    }

    /** Everything the store should know, computed by the obvious linear means. */
    static final class Reference {
        final Map<Integer, List<Iv>> intervals = new LinkedHashMap<>();
        final List<Integer> laneTids = new ArrayList<>();
        final List<Iv> gil = new ArrayList<>();
        final List<String> links = new ArrayList<>();
        final List<long[]> linkTimes = new ArrayList<>();
        final Map<String, List<long[]>> queueSamples = new LinkedHashMap<>();
        /** Each queue's put-get pairs in get order: putter tid, put time, getter tid, get time. */
        final Map<String, List<long[]>> feeds = new LinkedHashMap<>();
        final Map<Integer, List<Object[]>> markers = new HashMap<>();
        long latest;

        Reference(List<TraceEvent> events) {
            Map<String, Integer> owner = new HashMap<>();
            Map<String, long[]> released = new HashMap<>();
            Map<Integer, Integer> openJoin = new HashMap<>();
            Map<Integer, Integer> openSignal = new HashMap<>();
            Map<String, List<Object[]>> puts = new HashMap<>();
            List<Object[]> raw = new ArrayList<>();
            for (TraceEvent event : events) {
                latest = Math.max(latest, event.t());
                if (event instanceof TraceEvent.ThreadInfo info) {
                    lane(info.tid());
                } else if (event instanceof TraceEvent.State s) {
                    lane(s.tid());
                    Integer signal = openSignal.remove(s.tid());
                    if (signal != null) {
                        raw.get(signal)[4] = s.t();
                    }
                    List<Iv> list = intervals.get(s.tid());
                    Iv iv = new Iv(s.t(), StateCode.of(s.state(), s.reason()), s.on());
                    if (list.isEmpty() || list.get(list.size() - 1).code() != iv.code()
                            || !java.util.Objects.equals(list.get(list.size() - 1).on(), iv.on())) {
                        list.add(iv);
                    }
                } else if (event instanceof TraceEvent.Gil g) {
                    if (g.owner() >= 0) {
                        lane(g.owner());
                    }
                    Iv iv = new Iv(g.t(), g.owner() < 0 ? 0 : 1, g.owner() < 0 ? null : String.valueOf(g.owner()));
                    if (gil.isEmpty() || gil.get(gil.size() - 1).code() != iv.code()
                            || !java.util.Objects.equals(gil.get(gil.size() - 1).on(), iv.on())) {
                        gil.add(iv);
                    }
                } else if (event instanceof TraceEvent.Join j) {
                    lane(j.tid());
                    if (j.begin()) {
                        lane(j.target());
                        openJoin.put(j.tid(), raw.size());
                        raw.add(new Object[] {"JOIN", j.tid(), j.t(), j.target(), -1L, false, null, j.t()});
                    } else if (openJoin.containsKey(j.tid())) {
                        Object[] link = raw.get(openJoin.remove(j.tid()));
                        link[4] = j.t();
                        link[5] = j.timedOut();
                    }
                } else if (event instanceof TraceEvent.LockOwner l) {
                    if (l.owner() >= 0) {
                        lane(l.owner());
                    }
                    Integer previous = owner.get(l.on());
                    if (l.owner() < 0) {
                        if (previous != null) {
                            released.put(l.on(), new long[] {l.t(), previous});
                        }
                        owner.remove(l.on());
                    } else {
                        long[] release = previous != null ? new long[] {l.t(), previous} : released.get(l.on());
                        if (release != null && release[1] != l.owner()) {
                            Iv at = at(intervals.get(l.owner()), release[0]);
                            if (at != null && at.code() == StateCode.of(ThreadState.WAITING, Reason.LOCK)
                                    && l.on().equals(at.on())) {
                                raw.add(new Object[] {"LOCK", (int) release[1], release[0], l.owner(), l.t(), false, l.on(), l.t()});
                            }
                        }
                        owner.put(l.on(), l.owner());
                        released.remove(l.on());
                    }
                } else if (event instanceof TraceEvent.Signal s) {
                    lane(s.tid());
                    if (s.set()) {
                        for (int tid : laneTids) {
                            List<Iv> list = intervals.get(tid);
                            if (tid != s.tid() && !list.isEmpty() && !openSignal.containsKey(tid)
                                    && list.get(list.size() - 1).code() == StateCode.of(ThreadState.WAITING, Reason.EVENT)
                                    && s.on().equals(list.get(list.size() - 1).on())) {
                                openSignal.put(tid, raw.size());
                                raw.add(new Object[] {"SIGNAL", s.tid(), s.t(), tid, -1L, false, s.on(), s.t()});
                            }
                        }
                    }
                } else if (event instanceof TraceEvent.QueueDepth q) {
                    lane(q.tid());
                    queueSamples.computeIfAbsent(q.on(), k -> new ArrayList<>()).add(new long[] {q.t(), q.depth()});
                    List<Object[]> pending = puts.computeIfAbsent(q.on(), k -> new ArrayList<>());
                    if ("put".equals(q.op())) {
                        pending.add(new Object[] {q.tid(), q.t()});
                    } else if (!pending.isEmpty()) {
                        Object[] put = pending.remove(0);
                        raw.add(new Object[] {"FEED", put[0], put[1], q.tid(), q.t(), false, q.on(), q.t()});
                        feeds.computeIfAbsent(q.on(), k -> new ArrayList<>())
                                .add(new long[] {(int) put[0], (long) put[1], q.tid(), q.t()});
                    }
                } else if (event instanceof TraceEvent.Print p) {
                    lane(p.tid());
                    markers.computeIfAbsent(p.tid(), k -> new ArrayList<>()).add(new Object[] {p.t(), "PRINT"});
                } else if (event instanceof TraceEvent.ExceptionRaised e) {
                    lane(e.tid());
                    String kind = "RuntimeError".equals(e.type()) ? "RUNTIME_ERROR" : e.caught() ? "CAUGHT" : "UNCAUGHT";
                    markers.computeIfAbsent(e.tid(), k -> new ArrayList<>()).add(new Object[] {e.t(), kind});
                } else if (event instanceof TraceEvent.Marker m) {
                    markers.computeIfAbsent(Integer.MIN_VALUE, k -> new ArrayList<>()).add(new Object[] {m.t(), "CAPTION"});
                }
            }
            for (Object[] link : raw) {
                links.add(link[0] + " " + link[1] + "@" + link[2] + " -> " + link[3] + "@" + link[4] + " " + link[5] + " " + link[6]);
                linkTimes.add(new long[] {(long) link[2], (long) link[4], (long) link[7]});
            }
        }

        private void lane(int tid) {
            if (!intervals.containsKey(tid)) {
                intervals.put(tid, new ArrayList<>());
                if (tid == 0) {
                    laneTids.add(0, tid);
                } else {
                    laneTids.add(tid);
                }
            }
        }

        static Iv at(List<Iv> list, long t) {
            Iv found = null;
            for (Iv iv : list) {
                if (iv.start() <= t) {
                    found = iv;
                }
            }
            return found;
        }

        /** Mixed columns the reference judged by summing time, and by sampling: both ways must be tried. */
        static int exactColumns;
        static int sampledColumns;

        static int summaryColumns;

        static int indexAt(List<Iv> list, long t) {
            int found = -1;
            for (int k = 0; k < list.size(); k++) {
                if (list.get(k).start() <= t) {
                    found = k;
                }
            }
            return found;
        }

        /**
         * A column judged by the buckets it meets: each bucket's value is the one holding most of
         * its time; the column's is the one holding most of the column by its buckets' values;
         * mixed when a bucket meets several intervals or the buckets disagree.
         */
        static String bucketVerdict(List<Iv> list, long a, long hi, int shift) {
            LinkedHashMap<String, Long> weight = new LinkedHashMap<>();
            boolean anyMixed = false;
            for (long bucket = a >> shift; bucket <= (hi - 1) >> shift; bucket++) {
                long bucketStart = bucket << shift;
                long bucketEnd = bucketStart + (1L << shift);
                LinkedHashMap<String, Long> inBucket = new LinkedHashMap<>();
                int pieces = 0;
                for (int k = 0; k < list.size(); k++) {
                    long s = Math.max(list.get(k).start(), bucketStart);
                    long e = Math.min(k + 1 < list.size() ? list.get(k + 1).start() : Long.MAX_VALUE, bucketEnd);
                    if (s < e) {
                        inBucket.merge(list.get(k).code() + "/" + list.get(k).on(), e - s, Long::sum);
                        pieces++;
                    }
                }
                anyMixed |= pieces > 1;
                weight.merge(heaviest(inBucket), Math.min(bucketEnd, hi) - Math.max(bucketStart, a), Long::sum);
            }
            return heaviest(weight) + (anyMixed || weight.size() > 1 ? " mixed" : "");
        }

        static String heaviest(LinkedHashMap<String, Long> weight) {
            String best = null;
            for (Map.Entry<String, Long> entry : weight.entrySet()) {
                if (best == null || entry.getValue() > weight.get(best)) {
                    best = entry.getKey();
                }
            }
            return best;
        }

        /** Per column: {code, on-hash, index or -1, mixed}; merged as the store promises. */
        static List<String> spans(List<Iv> list, long t0, long t1, int columns, long limit) {
            return spans(list, t0, t1, columns, limit, true);
        }

        /** As above; {@code summarised} false for a column that never reads buckets (lock holdings). */
        static List<String> spans(List<Iv> list, long t0, long t1, int columns, long limit, boolean summarised) {
            List<String> out = new ArrayList<>();
            if (list.isEmpty() || limit <= list.get(0).start()) {
                return out;
            }
            long first = list.get(0).start();
            String pending = null;
            int px0 = 0;
            int px1 = -1;
            Object pendingKey = null;
            long pStart = 0;
            long pEnd = 0;
            Buckets buckets = summarised ? Buckets.of(list, t0, t1, columns, limit, IntervalColumn.DENSE) : null;
            for (int c = 0; c < columns; c++) {
                long a = PixelColumns.columnStart(t0, t1, columns, c);
                long b = Math.max(PixelColumns.columnStart(t0, t1, columns, c + 1), a + 1);
                if (b <= first || a >= limit) {
                    continue;
                }
                long hi = Math.min(b, limit);
                String bucketed = null;
                if (buckets != null && buckets.judge(a, b, first, limit)) {
                    summaryColumns++;
                    bucketed = bucketVerdict(list, a, hi, buckets.shift());
                }
                int lo = 0;
                int hiIndex = 0;
                for (int k = 0; k < list.size(); k++) {
                    if (list.get(k).start() <= a) {
                        lo = k;
                    }
                    if (list.get(k).start() < hi) {
                        hiIndex = k;
                    }
                }
                String value;
                Object key;
                long start;
                long end;
                boolean mixed = bucketed != null ? bucketed.endsWith(" mixed") : hiIndex > lo;
                if (bucketed != null && mixed) {
                    String best = bucketed.substring(0, bucketed.length() - " mixed".length());
                    value = bucketed;
                    key = best;
                    start = Math.max(a, first);
                    end = hi;
                } else if (!mixed) {
                    Iv iv = list.get(lo);
                    value = iv.code() + "/" + iv.on();
                    key = lo;
                    start = iv.start();
                    end = lo + 1 < list.size() ? Math.min(list.get(lo + 1).start(), limit) : limit;
                } else {
                    long from = Math.max(a, first);
                    LinkedHashMap<String, Long> weight = new LinkedHashMap<>();
                    if (hiIndex - lo + 1 <= IntervalColumn.EXACT_LIMIT) {
                        exactColumns++;
                        for (int k = lo; k <= hiIndex; k++) {
                            long s = Math.max(list.get(k).start(), from);
                            long e = k < hiIndex ? list.get(k + 1).start() : hi;
                            weight.merge(list.get(k).code() + "/" + list.get(k).on(), e - s, Long::sum);
                        }
                    } else {
                        sampledColumns++;
                        for (int s = 0; s < IntervalColumn.SAMPLES; s++) {
                            long instant = from + (long) ((hi - from) * ((2.0 * s + 1) / (2.0 * IntervalColumn.SAMPLES)));
                            Iv iv = at(list.subList(lo, hiIndex + 1), instant);
                            weight.merge(iv.code() + "/" + iv.on(), 1L, Long::sum);
                        }
                    }
                    String best = null;
                    for (Map.Entry<String, Long> entry : weight.entrySet()) {
                        if (best == null || entry.getValue() > weight.get(best)) {
                            best = entry.getKey();
                        }
                    }
                    value = best + " mixed";
                    key = best;
                    start = from;
                    end = hi;
                }
                if (pending != null && px1 == c && pendingKey.equals(key) && pending.endsWith("mixed") == mixed) {
                    px1 = c + 1;
                    if (mixed) {
                        pEnd = end;
                    }
                } else {
                    if (pending != null) {
                        out.add(px0 + ".." + px1 + " " + pending + " " + pStart + ".." + pEnd);
                    }
                    pending = value;
                    pendingKey = key;
                    px0 = c;
                    px1 = c + 1;
                    pStart = start;
                    pEnd = end;
                }
            }
            if (pending != null) {
                out.add(px0 + ".." + px1 + " " + pending + " " + pStart + ".." + pEnd);
            }
            return out;
        }
    }

    // ---- the comparisons ---------------------------------------------------------------

    private static List<String> storeSpans(TraceStore store, int lane, long t0, long t1, int columns, long horizon) {
        List<String> out = new ArrayList<>();
        store.spans(lane, lane + 1, t0, t1, columns, horizon, (l, x0, x1, code, on, start, end, mixed) ->
                out.add(x0 + ".." + x1 + " " + code + "/" + store.text(on) + (mixed ? " mixed" : "") + " " + start + ".." + end));
        return out;
    }

    /** Windows from the whole run down to a few nanoseconds a column, some with a replay horizon. */
    private static List<long[]> windows(Random random, long latest) {
        List<long[]> windows = new ArrayList<>();
        windows.add(new long[] {0, latest + 1, 100, Long.MAX_VALUE});
        windows.add(new long[] {0, latest + 1, 1600, Long.MAX_VALUE});
        for (int w = 0; w < 12; w++) {
            long t0 = (long) (random.nextDouble() * latest) - 1000;
            long span = 1 + (long) (Math.pow(random.nextDouble(), 3) * latest);
            int columns = 1 + random.nextInt(300);
            long horizon = random.nextInt(3) == 0 ? t0 + (long) (random.nextDouble() * span) : Long.MAX_VALUE;
            windows.add(new long[] {t0, t0 + span, columns, horizon});
        }
        return windows;
    }

    @Test
    void theRandomTracesHoldColumnsJudgedBothWays() {
        Reference.exactColumns = 0;
        Reference.sampledColumns = 0;
        Reference.summaryColumns = 0;
        depthColumns = 0;
        for (long seed = 1; seed <= 20; seed++) {
            List<TraceEvent> events = randomTrace(seed);
            Reference ref = new Reference(events);
            for (long[] w : windows(new Random(seed * 31), ref.latest)) {
                for (int tid : ref.laneTids) {
                    Reference.spans(ref.intervals.get(tid), w[0], w[1], (int) w[2], Math.min(w[3], ref.latest));
                }
                for (List<long[]> queue : ref.queueSamples.values()) {
                    List<Iv> samples = new ArrayList<>();
                    for (long[] sample : queue) {
                        samples.add(new Iv(sample[0], (int) sample[1], null));
                    }
                    referenceDepths(samples, w[0], w[1], (int) w[2], Math.min(w[3], ref.latest));
                }
            }
        }
        assertTrue(Reference.exactColumns > 100, "exact columns: " + Reference.exactColumns);
        assertTrue(Reference.sampledColumns > 100, "sampled columns: " + Reference.sampledColumns);
        assertTrue(Reference.summaryColumns > 100, "columns judged by buckets: " + Reference.summaryColumns);
        assertTrue(depthColumns > 100, "depth columns judged by buckets: " + depthColumns);
    }

    /** Summaries are made by one view and extended by later ones while the run goes on. */
    @ParameterizedTest
    @ValueSource(longs = {3, 7, 11})
    void aGrowingRunShowsWhatTheReferenceShowsAtEveryStage(long seed) {
        List<TraceEvent> events = randomTrace(seed);
        TraceStore store = new TraceStore();
        Reference.summaryColumns = 0;
        depthColumns = 0;
        int appended = 0;
        for (int stage = 1; stage <= 6; stage++) {
            int upTo = events.size() * stage / 6;
            for (; appended < upTo; appended++) {
                store.append(events.get(appended));
            }
            Reference ref = new Reference(events.subList(0, upTo));
            for (int columns : new int[] {40, 100}) {
                for (int lane = 0; lane < ref.laneTids.size(); lane++) {
                    List<Iv> list = ref.intervals.get(ref.laneTids.get(lane));
                    assertEquals(Reference.spans(list, 0, ref.latest + 1, columns, ref.latest),
                            storeSpans(store, lane, 0, ref.latest + 1, columns, Long.MAX_VALUE),
                            "seed " + seed + " stage " + stage + " columns " + columns + " lane " + lane);
                }
                for (int q = 0; q < store.queueCount(); q++) {
                    String name = store.queue(q).name();
                    List<Iv> samples = new ArrayList<>();
                    for (long[] sample : ref.queueSamples.get(name)) {
                        samples.add(new Iv(sample[0], (int) sample[1], null));
                    }
                    List<String> depths = new ArrayList<>();
                    store.queueDepths(q, 0, ref.latest + 1, columns, Long.MAX_VALUE,
                            (x0, x1, min, max) -> depths.add(x0 + ".." + x1 + " " + min + "-" + max));
                    assertEquals(referenceDepths(samples, 0, ref.latest + 1, columns, ref.latest), depths,
                            "seed " + seed + " stage " + stage + " columns " + columns + " queue " + name);
                }
            }
        }
        assertTrue(Reference.summaryColumns > 0, "no column was judged by buckets");
        assertTrue(depthColumns > 0, "no depth column was judged by buckets");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void everyQueryMatchesTheReference(long seed) {
        List<TraceEvent> events = randomTrace(seed);
        TraceStore store = new TraceStore();
        events.forEach(store::append);
        Reference ref = new Reference(events);
        Random random = new Random(seed * 31);

        assertEquals(events.size(), store.eventCount());
        assertEquals(ref.latest, store.endNanos());
        assertEquals(Outcome.COMPLETED, store.outcome());
        assertEquals(ref.laneTids, store.lanes().stream().map(TraceStore.Lane::tid).toList(), "lane order");

        for (long[] w : windows(random, ref.latest)) {
            long limit = Math.min(w[3], ref.latest);
            String where = "seed " + seed + " window " + java.util.Arrays.toString(w);
            for (int lane = 0; lane < ref.laneTids.size(); lane++) {
                List<Iv> list = ref.intervals.get(ref.laneTids.get(lane));
                assertEquals(Reference.spans(list, w[0], w[1], (int) w[2], limit),
                        storeSpans(store, lane, w[0], w[1], (int) w[2], w[3]), where + " lane " + lane);
            }
            List<Iv> gilRef = new ArrayList<>();
            for (Iv iv : ref.gil) {
                gilRef.add(new Iv(iv.start(), iv.code(), iv.on() == null ? null : String.valueOf(ref.laneTids.indexOf(Integer.valueOf(iv.on())))));
            }
            List<String> gil = new ArrayList<>();
            store.gilSpans(w[0], w[1], (int) w[2], w[3], (l, x0, x1, code, on, start, end, mixed) ->
                    gil.add(x0 + ".." + x1 + " " + code + "/" + (on < 0 ? null : String.valueOf(on)) + (mixed ? " mixed" : "") + " " + start + ".." + end));
            assertEquals(Reference.spans(gilRef, w[0], w[1], (int) w[2], limit), gil, where + " gil");

            List<String> links = new ArrayList<>();
            store.joins(w[0], w[1], w[3], (kind, from, fromT, to, toT, open, timedOut, on) ->
                    links.add(kind + " " + store.lane(from).tid() + "@" + fromT + " -> " + store.lane(to).tid() + "@"
                            + (open ? "open" : toT) + " " + timedOut + " " + (kind == TraceStore.LinkKind.FEED ? store.queue(on).name() : store.text(on))));
            store.handoffs(w[0], w[1], w[3], 0, (kind, from, fromT, to, toT, open, timedOut, on) ->
                    links.add(kind + " " + store.lane(from).tid() + "@" + fromT + " -> " + store.lane(to).tid() + "@"
                            + (open ? "open" : toT) + " " + timedOut + " " + (kind == TraceStore.LinkKind.FEED ? store.queue(on).name() : store.text(on))));
            List<String> expectedLinks = new ArrayList<>();
            for (int k = 0; k < ref.links.size(); k++) {
                long fromT = ref.linkTimes.get(k)[0];
                long toT = ref.linkTimes.get(k)[1];
                long key = ref.linkTimes.get(k)[2];
                if (key > limit || fromT > limit || Math.min(fromT, toT < 0 ? fromT : toT) > w[1]) {
                    continue;
                }
                boolean open = toT < 0 || toT > limit;
                long end = open ? limit : toT;
                if (Math.max(fromT, end) < w[0]) {
                    continue;
                }
                String text = ref.links.get(k);
                String[] parts = text.split(" ");
                String to = parts[3].substring(0, parts[3].indexOf('@'));
                expectedLinks.add(parts[0] + " " + parts[1] + " -> " + to + "@" + (open ? "open" : toT) + " "
                        + (!open && Boolean.parseBoolean(parts[4])) + " " + parts[5]);
            }
            links.sort(null);
            expectedLinks.sort(null);
            assertEquals(expectedLinks, links, where + " links");

            // a lane range reports what the whole run reports on those lanes, thinned alike
            int laneCount = store.laneCount();
            int fromLane = random.nextInt(laneCount);
            int toLane = fromLane + 1 + random.nextInt(laneCount - fromLane);
            long gap = random.nextBoolean() ? 0 : 1 + random.nextInt(50_000);
            List<String> everyLane = new ArrayList<>();
            store.handoffs(w[0], w[1], w[3], gap, (kind, from, fromT, to, toT, open, timedOut, on) -> {
                if (from >= fromLane && from < toLane || to >= fromLane && to < toLane) {
                    everyLane.add(kind + " " + from + "@" + fromT + " -> " + to + "@" + toT + " " + on);
                }
            });
            List<String> someLanes = new ArrayList<>();
            store.handoffs(w[0], w[1], w[3], gap, fromLane, toLane, (kind, from, fromT, to, toT, open, timedOut, on) ->
                    someLanes.add(kind + " " + from + "@" + fromT + " -> " + to + "@" + toT + " " + on));
            assertEquals(everyLane, someLanes, where + " links of lanes " + fromLane + ".." + toLane + ", gap " + gap);

            // thinned feeds: after each pair shown, pairs got sooner than the gap after it are passed over
            List<String> feedsShown = new ArrayList<>();
            store.handoffs(w[0], w[1], w[3], gap, (kind, from, fromT, to, toT, open, timedOut, on) -> {
                if (kind == TraceStore.LinkKind.FEED) {
                    feedsShown.add(store.queue(on).name() + " " + store.lane(from).tid() + "@" + fromT + " -> "
                            + store.lane(to).tid() + "@" + toT);
                }
            });
            List<String> feedsExpected = new ArrayList<>();
            for (Map.Entry<String, List<long[]>> queue : ref.feeds.entrySet()) {
                long shownAt = Long.MIN_VALUE;
                for (long[] pair : queue.getValue()) {
                    if (pair[3] < w[0] || shownAt != Long.MIN_VALUE && pair[3] < shownAt + gap) {
                        continue;
                    }
                    if (pair[3] > limit || pair[1] > w[1]) {
                        break;
                    }
                    feedsExpected.add(queue.getKey() + " " + pair[0] + "@" + pair[1] + " -> " + pair[2] + "@" + pair[3]);
                    shownAt = pair[3];
                }
            }
            feedsShown.sort(null);
            feedsExpected.sort(null);
            assertEquals(feedsExpected, feedsShown, where + " feeds thinned by " + gap);

            for (int q = 0; q < store.queueCount(); q++) {
                String name = store.queue(q).name();
                List<Iv> samples = new ArrayList<>();
                for (long[] s : ref.queueSamples.get(name)) {
                    samples.add(new Iv(s[0], (int) s[1], null));
                }
                List<String> depths = new ArrayList<>();
                store.queueDepths(q, w[0], w[1], (int) w[2], w[3], (x0, x1, min, max) -> depths.add(x0 + ".." + x1 + " " + min + "-" + max));
                assertEquals(referenceDepths(samples, w[0], w[1], (int) w[2], limit), depths, where + " queue " + name);
            }

            for (int lane = -1; lane < ref.laneTids.size(); lane++) {
                List<Object[]> all = ref.markers.getOrDefault(lane < 0 ? Integer.MIN_VALUE : ref.laneTids.get(lane), List.of());
                List<String> expected = new ArrayList<>();
                for (Object[] m : all) {
                    long t = (long) m[0];
                    if (t >= w[0] && t <= Math.min(w[1], limit)) {
                        expected.add(t + " " + m[1]);
                    }
                }
                List<String> actual = new ArrayList<>();
                store.markers(lane, w[0], w[1], w[3], 0, (l, t, kind, text, count) -> actual.add(t + " " + kind));
                assertEquals(expected, actual, where + " markers of lane " + lane);
            }
        }
        for (int probe = 0; probe < 200; probe++) {
            long t = (long) (random.nextDouble() * (ref.latest + 10)) - 5;
            int lane = random.nextInt(ref.laneTids.size());
            List<Iv> list = ref.intervals.get(ref.laneTids.get(lane));
            Iv iv = t > ref.latest ? null : Reference.at(list, t);
            TraceStore.Interval actual = store.intervalAt(lane, t, Long.MAX_VALUE);
            if (iv == null) {
                assertEquals(null, actual);
            } else {
                int index = -1;
                for (int k = 0; k < list.size(); k++) {
                    if (list.get(k).start() <= t) {
                        index = k;
                    }
                }
                long end = index + 1 < list.size() ? list.get(index + 1).start() : ref.latest;
                assertEquals(new TraceStore.Interval(lane, StateCode.state(iv.code()), StateCode.reason(iv.code()), iv.on(),
                        iv.start(), end), actual);
            }
        }
    }

    static int depthColumns;

    /**
     * How the store cuts a view that shows more than {@code dense} changes a column: buckets of
     * 2^shift ns, finished up to {@code covered} (the bucket of the newest change is still open).
     */
    record Buckets(int shift, long covered) {

        static Buckets of(List<Iv> changes, long t0, long t1, int columns, long limit, int dense) {
            long nanosPerColumn = (t1 - t0) / columns;
            long shown = Math.min(t1, limit) - 1;
            if (nanosPerColumn < 2 || shown < t0
                    || Reference.indexAt(changes, shown) - Reference.indexAt(changes, t0) <= (long) dense * columns) {
                return null;
            }
            int shift = 63 - Long.numberOfLeadingZeros(nanosPerColumn);
            long covered = changes.size() >= 2 ? (changes.get(changes.size() - 1).start() >> shift) << shift : Long.MIN_VALUE;
            return new Buckets(shift, covered);
        }

        /** Whether column {@code [a, b)} is judged by its buckets: whole, after the first change, in finished buckets. */
        boolean judge(long a, long b, long first, long limit) {
            return a >= first && b <= limit && (((b - 1) >> shift) + 1 << shift) <= Math.min(limit, covered);
        }
    }

    private static List<String> referenceDepths(List<Iv> samples, long t0, long t1, int columns, long limit) {
        List<String> out = new ArrayList<>();
        if (samples.isEmpty() || limit <= samples.get(0).start()) {
            return out;
        }
        long first = samples.get(0).start();
        int px0 = -1;
        int px1 = -1;
        int pmin = 0;
        int pmax = 0;
        Buckets buckets = Buckets.of(samples, t0, t1, columns, limit, QueueColumn.DENSE);
        for (int c = 0; c < columns; c++) {
            long a = PixelColumns.columnStart(t0, t1, columns, c);
            long b = Math.max(PixelColumns.columnStart(t0, t1, columns, c + 1), a + 1);
            if (b <= first || a >= limit) {
                continue;
            }
            long hi = Math.min(b, limit);
            List<Integer> values = new ArrayList<>();
            boolean bucketed = buckets != null && buckets.judge(a, b, first, limit);
            if (bucketed) {
                // each bucket met: the depth carried into it, and every sample inside it
                depthColumns++;
                int shift = buckets.shift();
                for (long bucket = a >> shift; bucket <= (hi - 1) >> shift; bucket++) {
                    long bucketStart = bucket << shift;
                    long bucketEnd = bucketStart + (1L << shift);
                    Integer carried = null;
                    for (Iv sample : samples) {
                        if (sample.start() <= bucketStart) {
                            carried = sample.code();
                        }
                        if (sample.start() >= bucketStart && sample.start() < bucketEnd) {
                            values.add(sample.code());
                        }
                    }
                    if (carried != null) {
                        values.add(carried);
                    }
                }
            }
            int atA = 0;
            for (Iv s : samples) {
                if (s.start() <= a) {
                    atA = s.code();
                }
            }
            if (!bucketed) {
                values.add(atA);
                for (Iv s : samples) {
                    if (s.start() > a && s.start() < hi) {
                        values.add(s.code());
                    }
                }
            }
            if (!bucketed && values.size() > QueueColumn.EXACT_LIMIT) {
                values.clear();
                long from = Math.max(a, first);
                for (int s = 0; s < QueueColumn.EXACT_LIMIT; s++) {
                    long instant = from + (long) ((hi - from) * ((2.0 * s + 1) / (2.0 * QueueColumn.EXACT_LIMIT)));
                    int depth = 0;
                    for (Iv sample : samples) {
                        if (sample.start() <= instant) {
                            depth = sample.code();
                        }
                    }
                    values.add(depth);
                }
            }
            int min = values.stream().mapToInt(Integer::intValue).min().getAsInt();
            int max = values.stream().mapToInt(Integer::intValue).max().getAsInt();
            if (px1 == c && pmin == min && pmax == max) {
                px1 = c + 1;
            } else {
                if (px0 >= 0) {
                    out.add(px0 + ".." + px1 + " " + pmin + "-" + pmax);
                }
                px0 = c;
                px1 = c + 1;
                pmin = min;
                pmax = max;
            }
        }
        if (px0 >= 0) {
            out.add(px0 + ".." + px1 + " " + pmin + "-" + pmax);
        }
        return out;
    }

    // ---- who holds which lock ----------------------------------------------------------

    /**
     * A trace that takes and gives up four locks a lot: nested holds, releases out of order, a
     * lock passed straight from one owner to another, owners re-stated and releases of free locks.
     */
    static List<TraceEvent> lockHeavyTrace(long seed) {
        Random random = new Random(seed);
        TraceBuilder b = new TraceBuilder();
        int lanes = 1 + random.nextInt(6);
        for (int tid = 0; tid < lanes; tid++) {
            b.at(tid).thread(tid, "T" + tid, "target", false).running(tid);
        }
        long t = lanes;
        int events = 100 + random.nextInt(1500);
        for (int e = 0; e < events; e++) {
            int jump = random.nextInt(10);
            t += jump < 3 ? 0 : jump < 7 ? 1 + random.nextInt(20) : 1000 + random.nextInt(100_000);
            b.at(t);
            int tid = random.nextInt(lanes);
            if (random.nextInt(8) == 0) {
                b.waiting(tid, Reason.LOCK, "K" + random.nextInt(4));
            } else {
                b.lock("K" + random.nextInt(4), random.nextInt(3) == 0 ? -1 : tid);
            }
        }
        b.at(t + 1 + random.nextInt(1000)).end(Outcome.COMPLETED, null);
        return b.events();
    }

    /** Per tid, what it holds after each lock event: (count, last-taken lock), repeats dropped as the store drops them. */
    static Map<Integer, List<Iv>> referenceHolds(List<TraceEvent> events) {
        Map<String, Integer> owner = new HashMap<>();
        Map<Integer, List<String>> held = new HashMap<>();
        Map<Integer, List<Iv>> holds = new HashMap<>();
        for (TraceEvent event : events) {
            if (!(event instanceof TraceEvent.LockOwner l)) {
                continue;
            }
            Integer previous = owner.get(l.on());
            int next = l.owner();
            if (previous != null && previous == next || previous == null && next < 0) {
                continue;
            }
            List<Integer> changed = new ArrayList<>();
            if (previous != null) {
                held.get(previous).remove(l.on());
                changed.add(previous);
                owner.remove(l.on());
            }
            if (next >= 0) {
                held.computeIfAbsent(next, k -> new ArrayList<>()).add(l.on());
                owner.put(l.on(), next);
                changed.add(next);
            }
            for (int tid : changed) {
                List<String> now = held.get(tid);
                Iv iv = new Iv(l.t(), now.size(), now.isEmpty() ? null : now.get(now.size() - 1));
                List<Iv> list = holds.computeIfAbsent(tid, k -> new ArrayList<>());
                if (list.isEmpty() || list.get(list.size() - 1).code() != iv.code()
                        || !java.util.Objects.equals(list.get(list.size() - 1).on(), iv.on())) {
                    list.add(iv);
                }
            }
        }
        return holds;
    }

    /** The locks {@code tid} holds once every event up to {@code t} happened, in the order it took them. */
    static List<String> referenceHeldAt(List<TraceEvent> events, int tid, long t) {
        Map<String, Integer> owner = new HashMap<>();
        List<String> held = new ArrayList<>();
        for (TraceEvent event : events) {
            if (event.t() > t) {
                break;
            }
            if (event instanceof TraceEvent.LockOwner l) {
                Integer previous = owner.get(l.on());
                if (previous != null && previous == l.owner()) {
                    continue;
                }
                if (previous != null && previous == tid) {
                    held.remove(l.on());
                }
                if (l.owner() >= 0) {
                    owner.put(l.on(), l.owner());
                    if (l.owner() == tid) {
                        held.add(l.on());
                    }
                } else {
                    owner.remove(l.on());
                }
            }
        }
        return held;
    }

    /**
     * A lane's holdings per column, merged as a lane's states are (never from buckets), with the
     * spans holding none left out.
     */
    static List<String> referenceHoldSpans(List<Iv> list, long t0, long t1, int columns, long limit) {
        List<String> out = new ArrayList<>();
        for (String span : Reference.spans(list, t0, t1, columns, limit, false)) {
            if (!span.split(" ")[1].startsWith("0/")) {
                out.add(span);
            }
        }
        return out;
    }

    private static void checkHolds(List<TraceEvent> events, long seed) {
        TraceStore store = new TraceStore();
        events.forEach(store::append);
        Reference ref = new Reference(events);
        Map<Integer, List<Iv>> holds = referenceHolds(events);
        Random random = new Random(seed * 17);
        List<long[]> windows = windows(random, ref.latest);
        // windows of a few nanoseconds around lock changes: more columns than nanoseconds
        for (TraceEvent event : events) {
            if (event instanceof TraceEvent.LockOwner && random.nextInt(20) == 0) {
                long t0 = event.t() - random.nextInt(4);
                windows.add(new long[] {t0, t0 + 1 + random.nextInt(8), 1 + random.nextInt(40), Long.MAX_VALUE});
            }
        }
        for (long[] w : windows) {
            long limit = Math.min(w[3], ref.latest);
            String where = "seed " + seed + " window " + java.util.Arrays.toString(w);
            for (int lane = 0; lane < ref.laneTids.size(); lane++) {
                List<String> expected = referenceHoldSpans(holds.getOrDefault(ref.laneTids.get(lane), List.of()), w[0],
                        w[1], (int) w[2], limit);
                List<String> actual = new ArrayList<>();
                store.holds(lane, lane + 1, w[0], w[1], (int) w[2], w[3], (l, x0, x1, lock, count, start, end, mixed) ->
                        actual.add(x0 + ".." + x1 + " " + count + "/" + store.lockName(lock) + (mixed ? " mixed" : "")
                                + " " + start + ".." + end));
                assertEquals(expected, actual, where + " holds of lane " + lane);
            }
        }
        for (int probe = 0; probe < 300; probe++) {
            long t = (long) (random.nextDouble() * (ref.latest + 10)) - 5;
            int lane = random.nextInt(ref.laneTids.size());
            List<String> expected = t > ref.latest ? List.of() : referenceHeldAt(events, ref.laneTids.get(lane), t);
            List<String> actual = new ArrayList<>();
            for (int lock : store.locksHeldAt(lane, t, Long.MAX_VALUE)) {
                actual.add(store.lockName(lock));
            }
            assertEquals(expected, actual, "seed " + seed + " held by lane " + lane + " at " + t);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void lockHoldsMatchTheReference(long seed) {
        checkHolds(randomTrace(seed), seed);
        checkHolds(lockHeavyTrace(seed), seed);
    }
}
