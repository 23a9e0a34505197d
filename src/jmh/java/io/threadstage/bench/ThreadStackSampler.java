package io.threadstage.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Samples one thread's stack every millisecond for a while and prints the methods most often on
 * it (inclusive: a method counts once per sample wherever it is on the stack), then each sample's
 * top frame under the scene-graph node drawing. For the FX thread or the renderer's in a window
 * with 1,000 run threads, where Flight Recorder's sampler, which takes a few threads per period,
 * hardly ever picks them.
 */
final class ThreadStackSampler {

    private final Thread target;
    private final String label;
    private final Map<String, Integer> inclusive = new HashMap<>();
    /** Per sample, the innermost frames down to the first of the scene graph's nodes: which node's drawing costs what. */
    private final Map<String, Integer> paths = new HashMap<>();
    private int samples;

    private ThreadStackSampler(Thread target, String label) {
        this.target = target;
        this.label = label;
    }

    /** Starts sampling {@code target} for {@code millis} on a daemon thread; prints the top {@code top} when done. */
    static void sampleFor(Thread target, long millis, int top) {
        sampleFor(target, "FX thread", millis, top);
    }

    /** As {@link #sampleFor(Thread, long, int)}, for any thread, named {@code label} in what it prints. */
    static void sampleFor(Thread target, String label, long millis, int top) {
        ThreadStackSampler sampler = new ThreadStackSampler(target, label);
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
                paths.merge(path(stack), 1, Integer::sum);
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

    /** The top frame, then the scene graph's render calls under it up to the outermost node whose content is drawn. */
    private static String path(StackTraceElement[] stack) {
        StringBuilder path = new StringBuilder(stack[0].getClassName().replaceAll(".*\\.", "") + "." + stack[0].getMethodName());
        String node = "";
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("com.sun.javafx.sg.prism.NG") && frame.getMethodName().startsWith("render")) {
                node = frame.getClassName().replaceAll(".*\\.", "") + "." + frame.getMethodName();
                break;
            }
        }
        return path + " < " + node;
    }

    /** A thread parked in the toolkit's event loop or a lock is not spending CPU: not a sample. */
    private static boolean waiting(StackTraceElement top) {
        String method = top.getMethodName();
        return top.isNativeMethod() && (method.contains("runLoop") || method.equals("_runLoop") || method.equals("park")
                || method.equals("wait") || method.equals("sleep") || method.contains("Wait"));
    }

    private void print(int top) {
        System.out.printf("frames: %s sampled busy %d times (about 1 ms apart); methods on its stack, most often first:%n", label, samples);
        inclusive.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("javafx.") || entry.getKey().startsWith("io.threadstage.")
                        || entry.getKey().startsWith("com.sun.javafx.scene") || entry.getKey().startsWith("com.sun.javafx.css")
                        || entry.getKey().startsWith("com.sun.javafx.sg") || entry.getKey().startsWith("com.sun.prism")
                        || entry.getKey().startsWith("com.sun.marlin") || entry.getKey().startsWith("com.sun.glass")
                        || entry.getKey().startsWith("com.sun.pisces") || entry.getKey().startsWith("com.sun.javafx.tk"))
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue())).limit(top)
                .forEach(entry -> System.out.printf("frames:   %4d  %s%n", entry.getValue(), entry.getKey()));
        System.out.printf("frames: %s's top frame, under the innermost node drawing, most often first:%n", label);
        paths.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue(), a.getValue())).limit(top)
                .forEach(entry -> System.out.printf("frames:   %4d  %s%n", entry.getValue(), entry.getKey()));
    }
}
