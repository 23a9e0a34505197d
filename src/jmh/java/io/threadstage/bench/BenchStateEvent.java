package io.threadstage.bench;

import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** The JDK Flight Recorder side of the comparison: the same payload as our state event, no stack trace. */
@Name("threadstage.BenchState")
@StackTrace(false)
public class BenchStateEvent extends Event {
    int tid;
    String state;
    String on;
}
