package io.threadstage.bench;

import io.threadstage.trace.QueueOp;
import io.threadstage.trace.ThreadStyle;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;

/** The calls of {@link IngestBench} that name kinds and read the recorder. */
final class RunMixWriter {

    private static final String[] PATHS = {"$.main[0]", "$.main[1]", "$.workers[0].steps[0]", "$.workers[0].steps[1]"};

    private RunMixWriter() {
    }

    static void thread(TraceRecorder recorder, int tid) {
        recorder.thread(tid, tid == 0 ? "MainThread" : "worker-" + tid, tid == 0 ? ThreadStyle.MAIN : ThreadStyle.TARGET, false, null, null);
    }

    static void step(TraceRecorder recorder, int tid, int i) {
        recorder.step(tid, PATHS[i & 3]);
    }

    static void put(TraceRecorder recorder, int tid, int i) {
        recorder.queue("jobs", i & 7, 0, tid, QueueOp.PUT);
    }

    static void get(TraceRecorder recorder, int tid, int i) {
        recorder.queue("jobs", i & 7, 0, tid, QueueOp.GET);
    }

    static long drain(TraceRecorder recorder, TraceStore store, long from) {
        return recorder.read(from, 65536, store::append);
    }
}
