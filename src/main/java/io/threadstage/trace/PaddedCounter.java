package io.threadstage.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A long counter alone on its cache line: every recording thread CASes it, so nothing else may
 * share the line. The padding sits in super- and subclasses because the JVM keeps fields of a
 * class hierarchy in declaration order per class. Any thread.
 */
final class PaddedCounter extends PaddedCounterValue {

    @SuppressWarnings("unused")
    private long q1, q2, q3, q4, q5, q6, q7, q8;

    long get() {
        return (long) VALUE.getVolatile(this);
    }

    boolean compareAndSet(long expected, long next) {
        return VALUE.compareAndSet(this, expected, next);
    }
}

abstract class PaddedCounterValue extends PaddedCounterLead {

    static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(PaddedCounterValue.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused")
    private volatile long value;
}

abstract class PaddedCounterLead {

    @SuppressWarnings("unused")
    private long p1, p2, p3, p4, p5, p6, p7, p8;
}
