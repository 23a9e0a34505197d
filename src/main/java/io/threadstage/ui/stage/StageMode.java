package io.threadstage.ui.stage;

import io.threadstage.trace.TraceStore;
import java.util.function.LongSupplier;

/**
 * What the stage is doing with its trace: one value instead of a field per mode, so no two
 * modes can be half on at once. Immutable; made on any thread, applied on the FX thread
 * ({@link StageView#setMode}).
 */
public sealed interface StageMode {

    /**
     * A run as it happens: the window's pulse fills {@code store} from the run's recorder and the
     * view follows the present, which {@code clock} tells (nanoseconds on the run's clock).
     */
    record Live(TraceStore store, LongSupplier clock) implements StageMode {
    }

    /** The trace shown again from its start, its present advancing at {@code factor} times the wall clock from {@code wallStartNanos}. */
    record Replay(double factor, long wallStartNanos) implements StageMode {
        public Replay {
            if (!(factor > 0)) {
                throw new IllegalArgumentException("replay speed must be positive: " + factor);
            }
        }

        /** A replay starting now. */
        public static Replay from(double factor) {
            return new Replay(factor, System.nanoTime());
        }
    }

    /** A replay's frame held still: what a replay at {@code factor} shows when its present is {@code presentNanos} (a clip's frame). */
    record Still(long presentNanos, double factor) implements StageMode {
        public Still {
            if (!(factor > 0)) {
                throw new IllegalArgumentException("replay speed must be positive: " + factor);
            }
        }
    }

    /** A finished run or a loaded trace, all of it; {@code store} null keeps the trace shown. */
    record WholeRun(TraceStore store) implements StageMode {
    }
}
