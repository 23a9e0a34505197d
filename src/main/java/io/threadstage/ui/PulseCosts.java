package io.threadstage.ui;

/**
 * The CPU time ({@code CpuClock}) the window's pulses spent in their pieces, summed since the window opened: the
 * run's read (store, thread marks, console), the stage's frame and the inspection. A benchmark
 * reads two totals and divides by the pulses between them; a clock read costs a microsecond
 * next to a frame. Owned by the FX thread.
 */
public final class PulseCosts {

    private long pulses;
    private long readNanos;
    private long stageNanos;
    private long inspectNanos;

    void add(long read, long stage, long inspect) {
        pulses++;
        readNanos += read;
        stageNanos += stage;
        inspectNanos += inspect;
    }

    public long pulses() {
        return pulses;
    }

    /** {@code RunViewModel.pulse}: the events into the store, the code view's marks, the console. */
    public long readNanos() {
        return readNanos;
    }

    /** {@code StageView.pulse}: the frame built and its canvas commands recorded. */
    public long stageNanos() {
        return stageNanos;
    }

    /** {@code Inspection.pulse}: the thread inspector, the console of the instant, the slider. */
    public long inspectNanos() {
        return inspectNanos;
    }
}
