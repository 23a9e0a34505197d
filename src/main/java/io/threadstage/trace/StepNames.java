package io.threadstage.trace;

/**
 * How a run spells its step ids where a person or a file reads them: a scenario's run gives the
 * step's JSON path ({@code $.workers[0].steps[1]}), a traced Python program {@code FILE:LINE}.
 * The runtime records the id alone ({@link TraceSink#step}); the text is made only when a writer
 * or a message asks for it. Implementations are immutable and safe on any thread.
 */
@FunctionalInterface
public interface StepNames {

    /** The names of a sink that was never told better: the id as a number. */
    StepNames NUMBERS = id -> "#" + id;

    String name(int stepId);
}
