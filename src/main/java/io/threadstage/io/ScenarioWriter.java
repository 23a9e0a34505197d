package io.threadstage.io;

import io.threadstage.model.Scenario;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes scenarios as stable JSON (fixed key order, two-space indent, defaults left out,
 * trailing newline) and saves them atomically: a reader, or a crash, sees the old file or the
 * new one, never half of one. Stateless; any thread.
 */
public final class ScenarioWriter {

    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    public String toJson(Scenario scenario) {
        return new JsonLayout().format(new ScenarioTree().document(scenario));
    }

    /**
     * Writes to a temporary file in the target's folder (same file system, so the move is a
     * rename), forces it to disk, then moves it over the target.
     */
    public void save(Scenario scenario, Path file) throws IOException {
        byte[] bytes = toJson(scenario).getBytes(StandardCharsets.UTF_8);
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        try {
            keepPermissions(target, temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** A temporary file is private (rw-------); the saved scenario should keep the target's rights. */
    private static void keepPermissions(Path target, Path temporary) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target) : NEW_FILE;
        view.setPermissions(permissions);
    }
}
