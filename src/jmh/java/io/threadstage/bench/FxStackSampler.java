package io.threadstage.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Samples one thread's stack every millisecond for a while and prints the methods most often on
 * it (inclusive: a method counts once per sample wherever it is on the stack). For the FX thread
 * in a window with 1,000 run threads, where Flight Recorder's sampler, which takes a few threads
 * per period, hardly ever picks it.
 */
final class FxStackSampler {

    private final Thread target;
    private final Map<String, Integer> inclusive = new HashMap<>();
    private int samples;

    private FxStackSampler(Thread target) {
        this.target = target;
    }

    /** Starts sampling {@code target} for {@code millis} on a daemon thread; prints the top {@code top} when done. */
    static void sampleFor(Thread target, long millis, int top) {
        FxStackSampler sampler = new FxStackSampler(target);
        Thread thread = new Thread(() -> {
            sampler.run(millis);
            sampler.print(top);
        }, "fx-stack-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            StackTraceElement[] stack = target.getStackTrace();
            if (stack.length > 0 && !waiting(stack[0])) {
                samples++;
                Set<String> seen = new HashSet<>();
                for (StackTraceElement frame : stack) {
                    String method = frame.getClassName() + "." + frame.getMethodName();
                    if (seen.add(method)) {
                        inclusive.merge(method, 1, Integer::sum);
                    }
                }
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A thread parked in the toolkit's event loop or a lock is not spending CPU: not a sample. */
    private static boolean waiting(StackTraceElement top) {
        String method = top.getMethodName();
        return top.isNativeMethod() && (method.contains("runLoop") || method.equals("_runLoop") || method.equals("park")
                || method.equals("wait") || method.equals("sleep") || method.contains("Wait"));
    }

    private void print(int top) {
        System.out.printf("frames: FX thread sampled busy %d times (about 1 ms apart); methods on its stack, most often first:%n", samples);
        inclusive.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("javafx.") || entry.getKey().startsWith("io.threadstage.")
                        || entry.getKey().startsWith("com.sun.javafx.scene") || entry.getKey().startsWith("com.sun.javafx.css"))
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue())).limit(top)
                .forEach(entry -> System.out.printf("frames:   %4d  %s%n", entry.getValue(), entry.getKey()));
    }
}
