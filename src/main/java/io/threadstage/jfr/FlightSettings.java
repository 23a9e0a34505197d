package io.threadstage.jfr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The Flight Recorder settings ThreadStage records with ({@code thread-events.jfc}, shipped as
 * a resource): thread starts and ends, sleeps, parks, monitor enters and waits at threshold
 * 0 ms without stack traces, and a thread dump as the recording ends. A JVM reads settings
 * only from a file, so the resource is copied to one. Stateless.
 */
public final class FlightSettings {

    public static final String RESOURCE = "thread-events.jfc";

    private FlightSettings() {
    }

    /** The settings as text (for a test, or a user who records without us). */
    public static InputStream open() {
        InputStream in = FlightSettings.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the settings " + RESOURCE + " are missing from the program");
        }
        return in;
    }

    /** Writes the settings to a new temporary file, deleted when this JVM exits. */
    public static Path writeTemporary() throws IOException {
        Path file = Files.createTempFile("threadstage-", ".jfc");
        file.toFile().deleteOnExit();
        try (InputStream in = open()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /**
     * The options that make a {@code java} command record into {@code recording} with
     * {@code settings}, written when the program exits, with the recorder's start-up lines on
     * stdout turned off (they would mix with the program's output).
     *
     * @throws IllegalArgumentException a path with a comma or an equals sign, which the option's syntax cannot say
     */
    public static List<String> jvmOptions(Path recording, Path settings) {
        String file = recording.toAbsolutePath().toString();
        String config = settings.toAbsolutePath().toString();
        for (String path : List.of(file, config)) {
            if (path.contains(",") || path.contains("=")) {
                throw new IllegalArgumentException(path + ": a recording's path cannot hold ',' or '='"
                        + " (the JVM's -XX:StartFlightRecording option separates its settings with them)");
            }
        }
        return List.of("-Xlog:jfr+startup=error",
                "-XX:StartFlightRecording=dumponexit=true,filename=" + file + ",settings=" + config);
    }
}
