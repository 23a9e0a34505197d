package io.threadstage.export;

/**
 * Which instant each frame of a clip shows: frames before the last replay the run up to their
 * instant, the final ones show the whole run fitted. A GIF's plan and a video's both answer it,
 * so one painter serves both. Immutable; any thread.
 */
public interface ClipSchedule {

    /** Every frame, the held final ones included. */
    int frameCount();

    /** Whether frame {@code k} shows the whole run fitted, as a picture of the finished run does. */
    boolean isFinal(int k);

    /** The newest instant frame {@code k} shows (the run's end for a final frame). */
    long presentOf(int k);
}
