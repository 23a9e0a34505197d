package io.threadstage.core;

import io.threadstage.trace.TraceSink;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A shared integer whose {@code +=} is a read, then a write. Under the GIL nothing runs between
 * the two (CPython 3.11's eval loop never drops the GIL inside {@code x += 1} on a global), so
 * no update is lost; free-threaded, another thread can write between them, as on a 3.13t
 * build. The yielding form calls {@code time.sleep(0)} between the read and the write, which
 * hands the GIL to a waiting thread: then updates are lost under the GIL too, as in CPython. The
 * value is an AtomicLong for visibility only: the read and the write are separate on purpose.
 *
 * <p>Python's int has no bound: past a long the value moves to a BigInteger, and back when it
 * fits again. Increments run hundreds of thousands of times a run, so while the value and the
 * step fit a long nothing is allocated. The two fields are read big first and written so that a
 * reader racing a writer sees some value a writer wrote, never a mix (a lost update, as in Python).
 */
final class PyCounter {

    private final String name;
    /**
     * Held only over a write and its {@code value} event, never over the read before it: the
     * trace then lists the values in the order they were written, and updates are still lost
     * between a read and a write as in Python.
     */
    private final Object writeAndRecord = new Object();

    /** The value while it fits a long, which is nearly always. */
    private final AtomicLong value = new AtomicLong();
    /** The value once it outgrew a long, else null (then {@link #value} holds it). */
    private volatile BigInteger big;

    PyCounter(String name, BigInteger initial) {
        this.name = name;
        store(initial);
    }

    /** Records the value the counter starts with, as set by {@code tid} (MainThread: a module-level assignment). */
    void recordInitial(TraceSink sink, int tid) {
        sink.counter(tid, name, clamped(value()));
    }

    BigInteger value() {
        BigInteger large = big;
        return large != null ? large : BigInteger.valueOf(value.get());
    }

    /** {@code counter += by}, or with {@code yieldBetween}: {@code v = counter; time.sleep(0); counter = v + by}. */
    void increment(RunSession run, PyThread me, BigInteger by, boolean yieldBetween) {
        BigInteger readBig = big;
        long read = value.get();
        if (yieldBetween) {
            run.gil.sleepZero(me);
        }
        synchronized (writeAndRecord) {
            write(read, readBig, by);
            run.sink.counter(me.tid, name, clamped(value()));
        }
    }

    /** The value as the trace's 64-bit column keeps it: past a long, the nearest bound. */
    private static long clamped(BigInteger number) {
        if (number.bitLength() < Long.SIZE) {
            return number.longValue();
        }
        return number.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    /** Writes {@code read + by}: as a long when both fit and the sum does not overflow. */
    private void write(long read, BigInteger readBig, BigInteger by) {
        if (readBig == null && by.bitLength() < Long.SIZE) {
            long step = by.longValue();
            long sum = read + step;
            // Math.addExact's overflow test: the sum's sign differs from both operands'
            if (((read ^ sum) & (step ^ sum)) >= 0) {
                value.set(sum);
                if (big != null) {
                    // another thread's write went big since our read: ours, the later, wins
                    big = null;
                }
                return;
            }
        }
        store((readBig != null ? readBig : BigInteger.valueOf(read)).add(by));
    }

    private void store(BigInteger number) {
        if (number.bitLength() < Long.SIZE) {
            value.set(number.longValue());
            big = null;
        } else {
            big = number;
        }
    }
}
