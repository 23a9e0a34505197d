package io.threadstage.ui.inspect;

import io.threadstage.io.PythonSource;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.TraceStore;
import io.threadstage.ui.editor.CodeView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The code view's thread marks of one instant: each thread alive then, on the line of the step
 * it began last, as the live marks show the present. No toolkit; the FX thread calls it.
 */
final class InstantMarks {

    private InstantMarks() {
    }

    /** Line (1-based) to the threads on it at {@code instantNanos}, in lane order; none without a source. */
    static Map<Integer, List<CodeView.ThreadMark>> at(TraceStore store, long instantNanos, PythonSource source) {
        Map<Integer, List<CodeView.ThreadMark>> lines = new LinkedHashMap<>();
        if (source == null) {
            return lines;
        }
        long t = Math.min(instantNanos, store.endNanos());
        for (int lane = 0; lane < store.laneCount(); lane++) {
            TraceStore.Interval interval = store.intervalAt(lane, t, Long.MAX_VALUE);
            if (interval == null || interval.state() == ThreadState.TERMINATED) {
                continue;
            }
            OptionalInt line = source.lineOf(store.stepAt(lane, t));
            if (line.isPresent()) {
                TraceStore.Lane info = store.lane(lane);
                lines.computeIfAbsent(line.getAsInt(), l -> new ArrayList<>())
                        .add(new CodeView.ThreadMark(info.tid(), info.name()));
            }
        }
        return lines;
    }
}
