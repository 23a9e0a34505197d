package io.threadstage.ui;

import java.time.Duration;
import java.time.Instant;

/**
 * Milestones of the window's start, printed on standard error when the system property
 * {@value #PROPERTY} is set ({@code -Dthreadstage.startTimes=true}): where the time before the
 * first frame goes, measured from the process's start as the operating system recorded it. Off,
 * a milestone costs one field read.
 */
public final class StartTimes {

    public static final String PROPERTY = "threadstage.startTimes";
    private static final boolean ON = Boolean.getBoolean(PROPERTY);

    private StartTimes() {
    }

    /** Marks the scene's next {@code count} layout pulses: when frames reach the screen. */
    public static void markPulses(javafx.scene.Scene scene, int count) {
        if (!ON) {
            return;
        }
        int[] seen = {0};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (seen[0] < count) {
                mark("pulse " + ++seen[0]);
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    /** Prints how long after the process started {@code milestone} was reached, when asked to. */
    public static void mark(String milestone) {
        if (!ON) {
            return;
        }
        long sinceStart = ProcessHandle.current().info().startInstant()
                .map(started -> Duration.between(started, Instant.now()).toMillis()).orElse(-1L);
        System.err.printf("threadstage start: %5d ms  %s%n", sinceStart, milestone);
    }
}
