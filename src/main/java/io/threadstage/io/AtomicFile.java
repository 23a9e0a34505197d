package io.threadstage.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One file written so that a reader, a crash, a full disk or a failed encoder sees the old file
 * or the new one, never part of one: the bytes go to a hidden {@code .NAME.RANDOM.part} file
 * beside the target (same folder, so the final move is a rename), which is forced to disk and
 * moved over the target only when whole; on any failure, or when closed without
 * {@link #commit()}, the part file is deleted. Every file the program writes goes through here
 * (scenarios, traces, Chrome traces, pictures, clips), so they all refuse the same targets and
 * get the same permissions: an existing file keeps its own, a new one gets what the user's
 * umask gives any new document (0644 under 022), not the 0600 of a JDK temporary file.
 *
 * <p>Owned by the one thread that writes it; {@link #close()} may come from another once that
 * thread is done. When the process ends (Ctrl-C, the window closing), a shutdown hook deletes
 * the part files still being written, unless their writer said it finishes them itself.
 */
public final class AtomicFile implements Closeable {

    /** Fills the file; {@code out} is buffered, and closing it only flushes. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final int BUFFER_BYTES = 1 << 16;
    /** Files being written, whose part files the process deletes when it ends (Ctrl-C, the window closing). */
    private static final Set<AtomicFile> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean ending;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFile::abandonAtExit, "threadstage part files"));
    }
    /** The part file's name keeps at most this much of the target's, so it stays within NAME_MAX. */
    private static final int NAME_KEPT = 100;
    private static final int NAME_ATTEMPTS = 100;

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean committed;
    private boolean closed;
    /** Kept at exit: its writer finishes it in a shutdown hook of its own (a trace cut short by Ctrl-C). */
    private volatile boolean finishedAtExit;

    private AtomicFile(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.stream = new FilterOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES)) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                // the writer on top (a Writer, a JSON generator) closes what it was given: that
                // must not close the file before commit moves it into place
                flush();
            }
        };
    }

    /** Writes {@code target} whole from {@code body}, or leaves it as it was and throws. */
    public static void write(Path target, Body body) throws IOException {
        try (AtomicFile file = create(target)) {
            body.writeTo(file.stream());
            file.commit();
        }
    }

    /**
     * Starts writing {@code target}: refuses it at once if {@link #problem} has an objection,
     * else creates the part file. The caller writes to {@link #stream()} (or opens
     * {@link #temporary()} itself), then calls {@link #commit()}; {@link #close()} always.
     * Messages of the {@link IOException}s thrown here say the reason alone, without the file.
     */
    public static AtomicFile create(Path target) throws IOException {
        if (ending) {
            throw new IOException("the program is ending");
        }
        String problem = problem(target);
        if (problem != null) {
            throw new IOException(problem);
        }
        Path absolute = target.toAbsolutePath();
        // writing through a link replaces what it points to, not the link
        Path resolved = Files.isSymbolicLink(absolute) && Files.exists(absolute) ? absolute.toRealPath() : absolute;
        Set<PosixFilePermission> keep = Files.exists(resolved) && posix(resolved)
                ? Files.getPosixFilePermissions(resolved) : null;
        String name = resolved.getFileName().toString();
        String stem = "." + (name.length() > NAME_KEPT ? name.substring(0, NAME_KEPT) : name) + ".";
        for (int attempt = 0; ; attempt++) {
            Path temporary = resolved.resolveSibling(stem + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36)
                    + ".part");
            try {
                FileChannel channel = keep == null
                        ? FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                        // created no wider than the target (the umask may narrow it), then set exactly
                        : FileChannel.open(temporary, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                                (FileAttribute<?>) PosixFilePermissions.asFileAttribute(keep));
                AtomicFile file = new AtomicFile(resolved, temporary, channel);
                OPEN.add(file);
                if (keep != null) {
                    try {
                        Files.setPosixFilePermissions(temporary, keep);
                    } catch (IOException | RuntimeException failed) {
                        file.close();
                        throw failed;
                    }
                }
                return file;
            } catch (FileAlreadyExistsException taken) {
                if (attempt == NAME_ATTEMPTS) {
                    throw new IOException("cannot make a temporary file beside it", taken);
                }
            } catch (IOException failed) {
                throw readable(failed);
            }
        }
    }

    /**
     * Why {@code target} cannot be written, or null: it is a folder, or not a regular file (a
     * device, a pipe: writing there would block, or fill the disk, or be lost), or read-only, or
     * its folder is missing or not writable. Checked before a command does any work, so a long
     * run is not lost to a typo in its output's name.
     */
    public static String problem(Path target) {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return "it is a folder";
        }
        if (Files.exists(absolute)) {
            if (!Files.isRegularFile(absolute)) {
                return "not a regular file (a device, a pipe or a socket)";
            }
            if (!Files.isWritable(absolute)) {
                return "the file is read-only";
            }
        }
        Path folder = absolute.getParent();
        if (folder == null || absolute.getFileName() == null) {
            return "not a file name";
        }
        if (!Files.exists(folder)) {
            return "no such directory " + folder;
        }
        if (!Files.isDirectory(folder)) {
            return "not a directory: " + folder;
        }
        if (!Files.isWritable(folder)) {
            return "no permission to write in " + folder;
        }
        return null;
    }

    /** Where the bytes go: buffered; closing it only flushes. */
    public OutputStream stream() {
        return stream;
    }

    /** The part file, for a writer that must open it itself (ImageIO's file streams); nothing else writes then. */
    public Path temporary() {
        return temporary;
    }

    /** The file that {@link #commit()} replaces (links resolved). */
    public Path target() {
        return target;
    }

    /** Flushes, forces to disk and moves the part file over the target; on failure the part file goes. */
    public void commit() throws IOException {
        if (closed) {
            throw new IOException("already " + (committed ? "written" : "abandoned"));
        }
        try {
            stream.flush();
            channel.force(true);
            channel.close();
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notHere) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
            OPEN.remove(this);
        } catch (IOException failed) {
            close();
            throw readable(failed);
        } finally {
            if (committed) {
                closed = true;
            }
        }
    }

    /** Abandons the file unless committed: the part file is deleted, the target stays as it was. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        OPEN.remove(this);
        try {
            channel.close();
        } catch (IOException ignored) {
            // the file is deleted next; nothing of it is kept
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // a folder that let us create the file but not delete it: nothing more can be done
        }
    }

    /**
     * Leaves this file to its writer when the process ends: it is finished by a shutdown hook of
     * the caller's (which must commit or close it), not deleted with the other part files.
     */
    public void finishedAtExit() {
        finishedAtExit = true;
    }

    /** At exit, whatever is still being written is abandoned: no part file outlives the process. */
    private static void abandonAtExit() {
        ending = true;
        for (AtomicFile file : OPEN) {
            if (!file.finishedAtExit) {
                try {
                    Files.deleteIfExists(file.temporary);
                } catch (IOException | RuntimeException ignored) {
                    // the process ends either way
                }
            }
        }
    }

    /**
     * An {@link IOException} whose message is the reason alone, in words: the JDK names a file
     * system failure by its path ({@code NoSuchFileException: /x/y}), which says nothing.
     */
    public static IOException readable(IOException failed) {
        String reason;
        if (failed instanceof NoSuchFileException) {
            reason = "no such file or directory";
        } else if (failed instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (failed instanceof FileSystemException system && system.getReason() != null) {
            reason = system.getReason();
        } else {
            return failed.getMessage() == null ? new IOException(failed.toString(), failed) : failed;
        }
        return new IOException(reason, failed);
    }

    private static boolean posix(Path file) {
        return Files.getFileAttributeView(file, PosixFileAttributeView.class) != null;
    }
}
