package io.threadstage.ui.run;

/**
 * One line of a run's console: what the program printed, or (with {@code error}) a line of an
 * excepthook or uncaught-exception report. Immutable; any thread.
 */
public record ConsoleLine(String text, boolean error) {
}
