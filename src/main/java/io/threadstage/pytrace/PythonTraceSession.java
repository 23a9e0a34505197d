package io.threadstage.pytrace;

import io.threadstage.trace.LiveRun;
import io.threadstage.trace.ProgramProcess;
import io.threadstage.trace.TraceSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One Python program running on the machine's CPython with ThreadStage's tracer, its events going
 * live into a {@link TraceSink} (a recorder the command line writes from, or a window's stage).
 * {@link #start} returns at once; {@link #stop} ends the process and its threads within a second;
 * {@link #awaitEnd} waits for the trace's end line. As a {@link LiveRun} a window drives it as it
 * drives a scenario: pause and resume stop and continue the real process ({@code SIGSTOP},
 * {@code SIGCONT}); a process cannot be stepped.
 *
 * <p><b>Threads.</b> One poll thread, started here, owns the channel, the {@code /proc} sampler and
 * the {@link PythonTraceFeed}: about every millisecond it reads what the tracer sent and samples the
 * program's threads, so the sink is written from that one thread. The commands (pause, resume, stop)
 * may be called from any thread and return at once: one control thread sends the signals and waits
 * for the process, in the order they were given. When the program's output goes to given streams,
 * two copier threads carry it.
 */
public final class PythonTraceSession implements LiveRun {

    /** The launcher's status for an interpreter older than 3.8 (it exits before the tracer loads). */
    static final int TOO_OLD_STATUS = 86;
    private static final long POLL_NANOS = 1_000_000;
    private static final Duration STOP_GRACE = Duration.ofMillis(400);
    private static final java.nio.file.Path SETSID = java.nio.file.Path.of("/usr/bin/setsid");

    private final Process process;
    private final TracerFiles files;
    private final ServerSocketChannel server;
    private final PythonTraceFeed feed;
    private final PythonLaunch launch;
    private final CountDownLatch done = new CountDownLatch(1);
    private final List<Thread> copiers = new ArrayList<>();
    /** Pause, resume and stop by signals; while it holds the program, the poll thread judges no samples (a stopped thread gains no CPU, yet waits for no GIL). */
    private final ProgramProcess control;
    private volatile int exitStatus = -1;
    private volatile String failure;
    private volatile String ending;

    private PythonTraceSession(PythonLaunch launch, Process process, TracerFiles files, ServerSocketChannel server,
                               TraceSink sink) {
        this.launch = launch;
        this.process = process;
        this.files = files;
        this.server = server;
        this.feed = new PythonTraceFeed(sink, ProcThreadSampler.of(process.pid()),
                launch.program().getFileName().toString());
        this.control = new ProgramProcess(process, "python trace control: " + launch.program().getFileName(), STOP_GRACE);
    }

    /**
     * Starts the program and its tracing; the sink receives every event from the session's poll thread.
     *
     * @throws PythonTraceException the program or the interpreter cannot be run (the message says why)
     */
    public static PythonTraceSession start(PythonLaunch launch, TraceSink sink) throws PythonTraceException {
        String problem = launch.problem();
        if (problem != null) {
            throw new PythonTraceException(problem);
        }
        TracerFiles files;
        ServerSocketChannel server;
        try {
            files = TracerFiles.extract();
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(files.socket()));
            server.configureBlocking(false);
        } catch (IOException | UnsupportedOperationException failed) {
            throw new PythonTraceException("cannot prepare the tracer: " + failed.getMessage());
        }
        List<String> command = new ArrayList<>();
        if (launch.recordOutput() && Files.isExecutable(SETSID)) {
            if (!onPath(launch.python())) {
                // setsid would start and then fail to run it: say so as a missing interpreter, before anything starts
                throw new PythonTraceException(launch.python() + ": cannot run it (not found on the PATH)"
                        + "; install CPython 3.8 or later, or name one with --python PATH");
            }
            // a session of its own: a program held by SIGSTOP in the launcher's process group is sent
            // SIGHUP by the kernel when that group is orphaned (the shell that started the window exits),
            // which ended a paused program as "exited 129"; setsid execs in place, so the pid stays the program's
            command.add(SETSID.toString());
        }
        command.addAll(List.of(launch.python(), files.launcher().toString(),
                "--channel", "unix:" + files.socket()));
        if (launch.recordOutput()) {
            command.addAll(List.of("--output", "channel"));
        }
        command.addAll(List.of("--", launch.program().toString()));
        command.addAll(launch.args());
        ProcessBuilder builder = new ProcessBuilder(command);
        if (launch.recordOutput()) {
            // the tracer sends every line over the channel; a window has no terminal to read from
            builder.redirectInput(ProcessBuilder.Redirect.PIPE).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
        } else {
            builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
            builder.redirectOutput(launch.out() == null ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.PIPE);
            builder.redirectError(launch.err() == null ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.PIPE);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException notFound) {
            files.delete();
            throw new PythonTraceException(launch.python() + ": cannot run it (" + notFound.getMessage()
                    + "); install CPython 3.8 or later, or name one with --python PATH");
        }
        PythonTraceSession session = new PythonTraceSession(launch, process, files, server, sink);
        if (launch.recordOutput()) {
            try {
                // a program that reads input sees its end at once instead of waiting for a keyboard
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // the program has already gone: the poll thread finds out
            }
        }
        session.copy(process.getInputStream(), launch.out(), "stdout");
        session.copy(process.getErrorStream(), launch.err(), "stderr");
        if (launch.recordOutput()) {
            // a window's program must not outlive the window: in a session of its own nothing else
            // ends it; the command line has its own hook, which stops the program and keeps its trace
            session.control.endWithUs("python trace: end with the window");
        }
        Thread poll = new Thread(session::poll, "python trace: " + launch.program().getFileName());
        poll.setDaemon(true);
        poll.start();
        return session;
    }

    /** Whether {@code command} names an executable file, itself or found in a folder of the PATH. */
    private static boolean onPath(String command) {
        if (command.contains("/")) {
            return Files.isExecutable(java.nio.file.Path.of(command));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(java.nio.file.Path.of(folder, command))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ends the program and its threads (SIGTERM, then SIGKILL), paused or not, with the processes it
     * started; the trace ends with outcome {@code stopped}. Returns at once.
     */
    @Override
    public void stop() {
        control.stop();
    }

    /** Stops the process where it is ({@code SIGSTOP}); the trace shows a {@code paused} marker. */
    @Override
    public void pause() {
        control.pause(() -> { });
    }

    /** Continues a paused process ({@code SIGCONT}); the trace shows a {@code resumed} marker. */
    @Override
    public void resume() {
        control.resume(() -> { });
    }

    /** The program's process id, so a caller can check it is gone. */
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isPaused() {
        return control.isPaused();
    }

    /** False: a real process runs on its own; it cannot be moved by one step. */
    @Override
    public boolean canStep() {
        return false;
    }

    @Override
    public void step() {
        // nothing: see canStep
    }

    @Override
    public boolean isFinished() {
        return done.getCount() == 0;
    }

    /** {@code exited 0}, {@code exited 1 (exception: ValueError: boom)}, {@code stopped}, {@code error: ...}. */
    @Override
    public String endDescription(long durationNanos) {
        return ending == null ? "ended" : ending;
    }

    /** Whether the trace has ended (its end line recorded, the process gone) within {@code patience}. */
    @Override
    public boolean awaitEnd(Duration patience) {
        try {
            return done.await(patience.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The program's exit status once it ended (130 for a program ended by SIGINT, as a shell says), else -1. */
    public int exitStatus() {
        return exitStatus;
    }

    /**
     * Why the program could not be traced, once ended, or null: an interpreter older than 3.8, or a
     * tracer that never connected.
     */
    public String failure() {
        return failure;
    }

    private void poll() {
        SocketChannel channel = null;
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        FrameAssembler frames = new FrameAssembler();
        boolean held = false;
        try {
            boolean open = true;
            while (open) {
                if (control.isHeld() != held) {
                    held = control.isHeld();
                    feed.hold(held);
                }
                boolean alive = process.isAlive();
                if (channel == null) {
                    channel = server.accept();
                    if (channel != null) {
                        channel.configureBlocking(false);
                    } else if (!alive) {
                        break;
                    }
                }
                if (channel != null) {
                    // the process may have ended with data still in the socket: read to its end first
                    open = drain(channel, buffer, frames, !alive);
                }
                if (!held) {
                    feed.sample(System.nanoTime());
                }
                if (open && alive) {
                    LockSupport.parkNanos(POLL_NANOS);
                }
            }
            int status = process.waitFor();
            exitStatus = status;
            for (Thread copier : copiers) {
                copier.join(1000);
            }
            if (!feed.greeted() && status == TOO_OLD_STATUS) {
                failure = launch.python() + " is " + PythonVersion.of(launch.python())
                        + "; threadstage trace needs CPython 3.8 or later (name another with --python PATH)";
            } else if (!feed.greeted() && !control.stopRequested()) {
                failure = launch.python() + " exited with status " + status + " before the tracer started";
            }
            feed.finish(status, control.stopRequested());
            ending = failure != null ? "error: " + failure : feed.endWords(status, control.stopRequested());
        } catch (IOException | RuntimeException broken) {
            failure = "the tracer's channel broke: " + broken.getMessage();
            process.destroyForcibly();
            feed.finish(exitStatus, true);
            ending = "error: " + failure;
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            feed.finish(exitStatus, true);
            ending = "stopped";
        } finally {
            try {
                if (channel != null) {
                    channel.close();
                }
                server.close();
            } catch (IOException ignored) {
                // the files are deleted next; nothing else holds them
            }
            files.delete();
            control.close();
            done.countDown();
        }
    }

    /** Reads what is there (all of it when {@code toEnd}); false at the end of the channel. */
    private boolean drain(SocketChannel channel, ByteBuffer buffer, FrameAssembler frames, boolean toEnd)
            throws IOException {
        while (true) {
            buffer.clear();
            int read = channel.read(buffer);
            if (read < 0) {
                return false;
            }
            if (read == 0) {
                if (!toEnd) {
                    return true;
                }
                LockSupport.parkNanos(POLL_NANOS);
                continue;
            }
            buffer.flip();
            for (byte[] frame : frames.add(buffer)) {
                feed.accept(TracerBatch.parse(frame));
            }
        }
    }

    private void copy(InputStream from, OutputStream to, String name) {
        if (to == null) {
            return;
        }
        Thread copier = new Thread(() -> {
            byte[] bytes = new byte[8192];
            try (from) {
                int read;
                while ((read = from.read(bytes)) >= 0) {
                    to.write(bytes, 0, read);
                    to.flush();
                }
            } catch (IOException ended) {
                // the program's stream closed with it
            }
        }, "python trace: " + name);
        copier.setDaemon(true);
        copier.start();
        copiers.add(copier);
    }

    /** Cuts the channel's bytes into frames (a 4-byte big-endian length, then that many bytes), keeping a frame split between reads. */
    private static final class FrameAssembler {
        /** Far beyond any flush of 5 ms; a larger length means the stream is not the tracer's. */
        private static final int MAX_FRAME = 256 << 20;

        private byte[] pending = new byte[1 << 16];
        private int filled;

        List<byte[]> add(ByteBuffer bytes) {
            int incoming = bytes.remaining();
            if (filled + incoming > pending.length) {
                pending = java.util.Arrays.copyOf(pending, Math.max(pending.length * 2, filled + incoming));
            }
            bytes.get(pending, filled, incoming);
            filled += incoming;
            List<byte[]> frames = new ArrayList<>();
            int start = 0;
            while (filled - start >= 4) {
                int length = ((pending[start] & 0xFF) << 24) | ((pending[start + 1] & 0xFF) << 16)
                        | ((pending[start + 2] & 0xFF) << 8) | (pending[start + 3] & 0xFF);
                if (length < 0 || length > MAX_FRAME) {
                    throw new IllegalArgumentException("the tracer's channel announced a frame of " + length
                            + " bytes");
                }
                if (filled - start - 4 < length) {
                    break;
                }
                frames.add(java.util.Arrays.copyOfRange(pending, start + 4, start + 4 + length));
                start += 4 + length;
            }
            System.arraycopy(pending, start, pending, 0, filled - start);
            filled -= start;
            return frames;
        }
    }
}
