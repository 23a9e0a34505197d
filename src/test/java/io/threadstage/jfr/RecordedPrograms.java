package io.threadstage.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test program (src/test/java/.../jfr/programs) as a child {@code java} with our
 * recorder settings, as {@code threadstage record} does, and returns its recording.
 */
final class RecordedPrograms {

    private static final long PATIENCE_SECONDS = 90;

    private RecordedPrograms() {
    }

    /** Records {@code program} to its end; it must exit 0. */
    static Path record(Class<?> program, Path folder) throws IOException, InterruptedException {
        Path recording = folder.resolve(program.getSimpleName() + ".jfr");
        Process child = start(program, recording, folder);
        assertTrue(child.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS), program.getSimpleName() + " did not end");
        assertEquals(0, child.exitValue(), program.getSimpleName() + " failed: " + Files.readString(folder.resolve(
                program.getSimpleName() + ".err")));
        return recording;
    }

    /**
     * Records {@code program} until it prints {@code line}, then {@code graceMillis} more, then
     * ends it as a user's kill or a timeout would (SIGTERM: the JVM writes its recording as it exits).
     */
    static Path recordUntilKilled(Class<?> program, Path folder, String line, long graceMillis)
            throws IOException, InterruptedException {
        Path recording = folder.resolve(program.getSimpleName() + ".jfr");
        Process child = start(program, recording, folder);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String read;
            do {
                read = out.readLine();
            } while (read != null && !read.equals(line));
            assertEquals(line, read, program.getSimpleName() + " ended before saying " + line);
        }
        Thread.sleep(graceMillis);
        child.destroy();
        assertTrue(child.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS), program.getSimpleName() + " was not killed");
        return recording;
    }

    private static Process start(Class<?> program, Path recording, Path folder) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FlightSettings.jvmOptions(recording, FlightSettings.writeTemporary()));
        command.addAll(List.of("-Xmx64m", "-cp", System.getProperty("java.class.path"), program.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(folder.resolve(program.getSimpleName()
                + ".err").toFile());
        return builder.start();
    }
}
