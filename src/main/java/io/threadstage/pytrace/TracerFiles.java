package io.threadstage.pytrace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The tracer's Python files, copied from the jar into a private temporary folder for one session
 * (the interpreter cannot import from inside a jar), with the socket the tracer connects to beside
 * them. {@link #delete} removes the folder. Owned by the session's thread.
 */
final class TracerFiles {

    static final String LAUNCHER = "threadstage_launch.py";
    private static final String[] FILES = {LAUNCHER, "threadstage_tracer.py"};
    private static final String RESOURCE_FOLDER = "/assets/python/";

    private final Path folder;

    private TracerFiles(Path folder) {
        this.folder = folder;
    }

    static TracerFiles extract() throws IOException {
        Path folder;
        try {
            folder = Files.createTempDirectory("threadstage-trace-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            folder = Files.createTempDirectory("threadstage-trace-");
        }
        for (String name : FILES) {
            try (InputStream in = TracerFiles.class.getResourceAsStream(RESOURCE_FOLDER + name)) {
                if (in == null) {
                    throw new IOException("the tracer " + name + " is missing from ThreadStage's files");
                }
                Files.copy(in, folder.resolve(name));
            }
        }
        return new TracerFiles(folder);
    }

    Path launcher() {
        return folder.resolve(LAUNCHER);
    }

    Path socket() {
        return folder.resolve("channel");
    }

    void delete() {
        try (Stream<Path> files = Files.walk(folder)) {
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
