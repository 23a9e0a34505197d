package io.threadstage.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a process of its own, for what only a process shows: a full disk (a
 * file size limit set with {@code ulimit -f}), a signal, the exit status {@code System.exit}
 * gives. Runs {@code bash -c 'ulimit ...; exec java ... Main ARGS'} in a folder, output to files.
 */
final class ChildJvm {

    private final Process process;
    private final Path out;
    private final Path err;

    private ChildJvm(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts the program in {@code folder} with {@code args}.
     *
     * @param fileSizeBlocks the largest file it may write, in 1 KiB blocks (bash's {@code ulimit -f}); 0 for no limit
     */
    static ChildJvm start(Path folder, long fileSizeBlocks, String... args) throws IOException {
        return startWithHeap(folder, fileSizeBlocks, "256m", args);
    }

    /** As above, with the JVM's heap limit ({@code -Xmx}). */
    static ChildJvm startWithHeap(Path folder, long fileSizeBlocks, String heap, String... args) throws IOException {
        Path logs = Files.createTempDirectory("threadstage-child");
        Path out = logs.resolve("stdout");
        Path err = logs.resolve("stderr");
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx" + heap, "-Djava.awt.headless=true",
                "-Djavafx.cachedir=" + System.getProperty("javafx.cachedir", logs.resolve("fx").toString()),
                Main.class.getName()));
        java.addAll(List.of(args));
        // a shell started in the background ignores SIGINT, and an ignored signal stays ignored
        // through exec: python3 puts Ctrl-C back to its default before it becomes the JVM
        StringBuilder script = new StringBuilder(fileSizeBlocks > 0 ? "ulimit -f " + fileSizeBlocks + "; " : "")
                .append("exec python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL);"
                        + " os.execv(sys.argv[1], sys.argv[1:])'");
        for (String word : java) {
            script.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        Process process = new ProcessBuilder("bash", "-c", script.toString()).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new ChildJvm(process, out, err);
    }

    /** Sends the JVM a signal ({@code INT} for Ctrl-C); bash and python3 exec'd it, so it has the process's id. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + name + " failed");
        }
    }

    /** Waits until stdout holds {@code text}; fails the test when it does not come in time. */
    void awaitStdout(String text, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!stdout().contains(text)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("no \"" + text + "\" on stdout within " + seconds + " s; stderr: " + stderrQuietly());
            }
            Thread.sleep(50);
        }
    }

    /** Waits for the exit and returns its status; fails the test when it does not come in time. */
    int await(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the program did not end within " + seconds + " s; stderr: " + stderrQuietly());
        }
        return process.exitValue();
    }

    String stdout() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    private String stderrQuietly() {
        try {
            return stderr();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
