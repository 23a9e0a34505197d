package io.threadstage.core;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A shared integer whose {@code +=} is a read, then a write. Under the GIL nothing runs between
 * the two (CPython 3.11's eval loop never drops the GIL inside {@code x += 1} on a global), so
 * no update is lost; free-threaded, another thread can write between them, as on a 3.13t
 * build. The yielding form calls {@code time.sleep(0)} between the read and the write, which
 * hands the GIL to a waiting thread: then updates are lost under the GIL too, as in CPython. The
 * value is an AtomicLong for visibility only: the read and the write are separate on purpose.
 */
final class PyCounter {

    private final AtomicLong value;

    PyCounter(long initial) {
        this.value = new AtomicLong(initial);
    }

    long value() {
        return value.get();
    }

    /** {@code counter += by}, or with {@code yieldBetween}: {@code v = counter; time.sleep(0); counter = v + by}. */
    void increment(RunSession run, PyThread me, long by, boolean yieldBetween) {
        long read = value.get();
        if (yieldBetween) {
            run.gil.sleepZero(me);
        }
        value.set(read + by);
    }
}
