package io.threadstage.pytrace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads what Linux says of each thread of one process: its scheduler state ({@code R} running or
 * runnable, {@code S} sleeping, ...) from {@code /proc/PID/task/TID/stat} and the CPU time it has had,
 * in nanoseconds, from {@code schedstat} (or, where that is missing, {@code utime+stime} in clock ticks
 * from {@code stat}), and, when asked of a sleeping thread, where in the kernel it sleeps
 * ({@code wchan}: {@code futex_do_wait} for a lock such as the GIL, {@code do_wait} for a child
 * process, {@code unix_stream_read_generic} for a socket...). The files stay open and are read again
 * at offset 0, so a sample costs two or three reads a thread and no open. Owned by the session's poll
 * thread.
 */
final class ProcThreadSampler {

    /** Clock ticks a second of {@code utime}/{@code stime}: 100 on every Linux build in use. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    /** Threads whose files stay open; beyond it a thread's files are opened for each read. */
    private static final int MAX_OPEN = 400;

    /**
     * One thread's state letter and CPU time at one moment; state 0 when the thread has gone.
     * {@code wchan} is where a sleeping thread sleeps in the kernel when that was asked and can be
     * read, else null.
     */
    record Reading(char state, long cpuNanos, String wchan) {
    }

    private final Path tasks;
    private final Map<Long, FileChannel[]> open = new HashMap<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(1024);

    private ProcThreadSampler(Path tasks) {
        this.tasks = tasks;
    }

    /** A sampler of {@code pid}'s threads, or null where there is no {@code /proc} to read (not Linux). */
    static ProcThreadSampler of(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        return Files.isDirectory(tasks) ? new ProcThreadSampler(tasks) : null;
    }

    /** @param wchan whether to read where the thread sleeps in the kernel, if it sleeps */
    Reading read(long nativeId, boolean wchan) {
        FileChannel[] files = open.get(nativeId);
        try {
            if (files == null) {
                Path task = tasks.resolve(Long.toString(nativeId));
                files = new FileChannel[] {FileChannel.open(task.resolve("stat")), openIfReadable(task.resolve("schedstat")),
                        openIfReadable(task.resolve("wchan"))};
                if (open.size() < MAX_OPEN) {
                    open.put(nativeId, files);
                }
            }
            String stat = readFrom(files[0]);
            int close = stat.lastIndexOf(')');
            char state = stat.charAt(close + 2);
            long cpu;
            if (files[1] != null) {
                String schedstat = readFrom(files[1]);
                cpu = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
            } else {
                // fields after "(comm)": state is field 3, utime 14, stime 15
                String[] fields = stat.substring(close + 2).split(" ");
                cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
            }
            String sleepsIn = null;
            if (wchan && (state == 'S' || state == 'D') && files[2] != null) {
                sleepsIn = readFrom(files[2]).strip();
            }
            if (!open.containsKey(nativeId)) {
                closeAll(files);
            }
            return new Reading(state, cpu, sleepsIn);
        } catch (IOException | RuntimeException gone) {
            forget(nativeId);
            return new Reading((char) 0, 0, null);
        }
    }

    private static FileChannel openIfReadable(Path file) throws IOException {
        return Files.isReadable(file) ? FileChannel.open(file) : null;
    }

    /** Closes the files of a thread that ended. */
    void forget(long nativeId) {
        FileChannel[] files = open.remove(nativeId);
        if (files != null) {
            closeAll(files);
        }
    }

    void close() {
        open.values().forEach(ProcThreadSampler::closeAll);
        open.clear();
    }

    private String readFrom(FileChannel file) throws IOException {
        buffer.clear();
        int read = file.read(buffer, 0);
        return new String(buffer.array(), 0, Math.max(read, 0), StandardCharsets.US_ASCII);
    }

    private static void closeAll(FileChannel[] files) {
        for (FileChannel file : files) {
            try {
                if (file != null) {
                    file.close();
                }
            } catch (IOException ignored) {
                // a /proc file of a thread that ended: nothing to keep
            }
        }
    }
}
