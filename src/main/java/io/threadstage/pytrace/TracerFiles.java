package io.threadstage.pytrace;

import io.threadstage.io.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileSystems;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The tracer's Python files and the socket the tracer connects to. The interpreter cannot import from
 * inside a jar, so the files are copied out: into {@code ~/.threadstage/python-tracer/HASH/} (the
 * property {@code threadstage.home} moves {@code ~/.threadstage}), named by their content, kept across
 * sessions so that Python's {@code __pycache__} beside them spares every later run compiling the
 * tracer (a tenth of a second on a loaded machine, a third of the tracer's fixed cost). Where that
 * folder cannot be written they go into the session's private temporary folder, as the socket always
 * does. {@link #delete} removes the session's folder. Owned by the session's thread.
 */
final class TracerFiles {

    static final String LAUNCHER = "threadstage_launch.py";
    private static final String[] FILES = {LAUNCHER, "threadstage_tracer.py"};
    private static final String RESOURCE_FOLDER = "/assets/python/";

    private final Path sessionFolder;
    private final Path codeFolder;

    private TracerFiles(Path sessionFolder, Path codeFolder) {
        this.sessionFolder = sessionFolder;
        this.codeFolder = codeFolder;
    }

    static TracerFiles extract() throws IOException {
        byte[][] contents = new byte[FILES.length][];
        for (int i = 0; i < FILES.length; i++) {
            try (InputStream in = TracerFiles.class.getResourceAsStream(RESOURCE_FOLDER + FILES[i])) {
                if (in == null) {
                    throw new IOException("the tracer " + FILES[i] + " is missing from ThreadStage's files");
                }
                contents[i] = in.readAllBytes();
            }
        }
        Path session = Files.createTempDirectory("threadstage-trace-", ownerOnly());
        Path kept = keptFolder(contents);
        if (kept != null) {
            return new TracerFiles(session, kept);
        }
        write(session, contents);
        return new TracerFiles(session, session);
    }

    /** The folder kept across sessions with exactly these files in it, or null where it cannot be had. */
    private static Path keptFolder(byte[][] contents) {
        try {
            String home = System.getProperty("threadstage.home");
            Path root = home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".threadstage");
            Path folder = root.resolve("python-tracer").resolve(hash(contents));
            Files.createDirectories(folder);
            for (int i = 0; i < FILES.length; i++) {
                Path file = folder.resolve(FILES[i]);
                if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), contents[i])) {
                    continue;
                }
                // a session starting beside this one never reads half a file
                byte[] content = contents[i];
                AtomicFile.write(file, out -> out.write(content));
            }
            return folder;
        } catch (IOException | RuntimeException unwritable) {
            return null;
        }
    }

    private static String hash(byte[][] contents) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] content : contents) {
                digest.update(content);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java has SHA-256", impossible);
        }
    }

    private static void write(Path folder, byte[][] contents) throws IOException {
        for (int i = 0; i < FILES.length; i++) {
            Files.write(folder.resolve(FILES[i]), contents[i]);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }

    Path launcher() {
        return codeFolder.resolve(LAUNCHER);
    }

    Path socket() {
        return sessionFolder.resolve("channel");
    }

    void delete() {
        try (Stream<Path> files = Files.walk(sessionFolder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a temporary folder left behind is harmless; the trace is what matters
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // as above
        }
    }
}
