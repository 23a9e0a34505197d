package io.threadstage.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@link RecordingCpuRounds} of two builds side by side in one JVM, each build in a class loader
 * of its own, rounds alternated (and who goes first alternates too), so both see the same
 * machine at the same moments. Each build is a class path: its {@code target/classes} and a
 * folder with {@code RecordingCpuRounds} and {@code RunMixWriter} compiled against it.
 * Usage: {@code java -cp target/test-classes io.threadstage.bench.BuildsSideBySide ROUNDS BEFORE_PATH AFTER_PATH}
 * (paths separated by {@code :}).
 */
public final class BuildsSideBySide {

    private BuildsSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        String[] names = {"before", "after"};
        Method[] round = new Method[2];
        for (int v = 0; v < 2; v++) {
            String[] parts = args[1 + v].split(":");
            URL[] urls = new URL[parts.length];
            for (int p = 0; p < parts.length; p++) {
                urls[p] = Path.of(parts[p]).toUri().toURL();
            }
            ClassLoader loader = new URLClassLoader(names[v], urls, ClassLoader.getPlatformClassLoader());
            round[v] = loader.loadClass("io.threadstage.bench.RecordingCpuRounds").getMethod("round");
        }
        long[][][] t = new long[2][3][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int v = (r + k) % 2;
                long[] x = (long[]) round[v].invoke(null);
                for (int m = 0; m < 3; m++) t[v][m][r] = x[m];
            }
        }
        String[] what = {"1M steps", "1M mix events", "drain 1M into store"};
        for (int m = 0; m < 3; m++) {
            double b = median(t[0][m], rounds), a = median(t[1][m], rounds);
            System.out.printf("%-20s before %6.1f ns/event  after %6.1f ns/event  after/before %.2f%n", what[m], b / 1e6, a / 1e6, a / b);
        }
    }

    static double median(long[] v, int rounds) {
        long[] tail = Arrays.copyOfRange(v, rounds / 3, rounds);
        Arrays.sort(tail);
        return tail[tail.length / 2];
    }
}
