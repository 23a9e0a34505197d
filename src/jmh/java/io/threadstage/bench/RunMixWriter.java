package io.threadstage.bench;

import io.threadstage.trace.QueueOp;
import io.threadstage.trace.ThreadStyle;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;

/** The calls of {@link IngestBench} that name kinds and read the recorder. */
final class RunMixWriter {

    private RunMixWriter() {
    }

    static void thread(TraceRecorder recorder, int tid) {
        recorder.thread(tid, tid == 0 ? "MainThread" : "worker-" + tid, tid == 0 ? ThreadStyle.MAIN : ThreadStyle.TARGET, false, null, null);
    }

    static void step(TraceRecorder recorder, int tid, int i) {
        recorder.step(tid, i & 3);
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
