package io.threadstage.ui.editor;

import io.threadstage.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The autosave of unsaved work: the scenario's document and the file it belongs to, written
 * every 30 seconds while there are unsaved changes, deleted on a clean save or exit, and
 * offered back at the next start when it is still there (the app did not end cleanly).
 * Writes may come from the autosave thread; everything else from the FX thread. Each write
 * replaces both files atomically.
 */
public final class Recovery {

    /** What a crashed session left: the document and the file it was editing (or null). */
    public record Pending(byte[] document, Path original) {
    }

    private final Path document;
    private final Path origin;

    public Recovery(Path directory) {
        this.document = directory.resolve("recovery.json");
        this.origin = directory.resolve("recovery.origin");
    }

    /** {@code ~/.threadstage}, or the directory named by the system property {@code threadstage.home}. */
    public static Recovery forUser() {
        String home = System.getProperty("threadstage.home");
        return new Recovery(home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".threadstage"));
    }

    public Path file() {
        return document;
    }

    public synchronized void write(String json, Path original) throws IOException {
        Files.createDirectories(document.getParent());
        replace(origin, original == null ? "" : original.toAbsolutePath().toString());
        replace(document, json);
    }

    public synchronized Optional<Pending> pending() {
        if (!Files.isRegularFile(document)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(document);
            String from = Files.isRegularFile(origin) ? Files.readString(origin, StandardCharsets.UTF_8).trim() : "";
            return Optional.of(new Pending(bytes, from.isEmpty() ? null : Path.of(from)));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    public synchronized void clear() {
        try {
            Files.deleteIfExists(document);
            Files.deleteIfExists(origin);
        } catch (IOException stuck) {
            // a stale recovery file is offered once more and can be declined; nothing is lost
        }
    }

    private static void replace(Path target, String text) throws IOException {
        // the one atomic write every file of ours goes through: a crash mid-autosave leaves the last one whole
        AtomicFile.write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
