package io.threadstage.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The temporary file of an atomic write: a new, empty file beside the target (same folder, so
 * the final move is a rename), created exclusively. Not {@link Files#createTempFile}: that seeds
 * a {@code SecureRandom} for the name, which loads the security providers (about 50 classes, the
 * last thing a short {@code threadstage run --trace} did before exiting), and makes the file
 * {@code rw-------}, which the move would hand on to the trace. Any thread.
 */
final class SiblingFiles {

    private static final AtomicLong NEXT = new AtomicLong();
    private static final int ATTEMPTS = 1000;

    private SiblingFiles() {
    }

    /**
     * Creates {@code .NAME.<unique>SUFFIX} beside {@code target} (an absolute path) with the
     * permissions of any new file, and returns it. Two processes picking the same name is
     * harmless: creation is exclusive, and the loser tries another name.
     */
    static Path create(Path target, String suffix) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        FileAlreadyExistsException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long unique = System.nanoTime() ^ NEXT.getAndIncrement() << 48;
            Path candidate = target.resolveSibling(prefix + Long.toHexString(unique) + suffix);
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                last = taken;
            }
        }
        throw last;
    }
}
