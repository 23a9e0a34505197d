package io.threadstage.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.*;

@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
public class BreakdownBench {
    final AtomicLong counter = new AtomicLong();
    long[] shared = new long[1 << 20];

    @State(Scope.Thread)
    public static class Local { long[] own = new long[1 << 20]; long n; }

    @Benchmark public long nanoTime() { return System.nanoTime(); }
    @Benchmark public long nanoAndIncrement() { System.nanoTime(); return counter.getAndIncrement(); }
    @Benchmark public long nanoAndCas() { long t = System.nanoTime(); long s; do { s = counter.get(); } while (!counter.compareAndSet(s, s + 1)); return t + s; }
    @Benchmark public long nanoCasSharedWrite() { long t = System.nanoTime(); long s; do { s = counter.get(); } while (!counter.compareAndSet(s, s + 1)); shared[(int) (s & ((1 << 20) - 1))] = t; return s; }
    @Benchmark public long nanoLocalWrite(Local l) { long t = System.nanoTime(); l.own[(int) (l.n++ & ((1 << 20) - 1))] = t; return t; }
}
