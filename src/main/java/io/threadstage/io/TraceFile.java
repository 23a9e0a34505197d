package io.threadstage.io;

import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceHeader;
import java.util.List;

/**
 * A whole trace as values: its header and its events in seq order (the {@code end} event last,
 * when the run got that far). Immutable.
 */
public record TraceFile(TraceHeader header, List<TraceEvent> events) {

    public TraceFile {
        events = List.copyOf(events);
    }
}
