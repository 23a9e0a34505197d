package io.threadstage.core;

/**
 * Unwinds a run thread that the run has ended (stop, deadlock, error) or that the interpreter
 * killed at exit (a daemon). Once thrown, the thread records nothing more. An Error, so no
 * {@code catch (PyException)} in the interpreter can swallow it. Shared, stack-less.
 */
final class ThreadKilled extends Error {

    static final ThreadKilled INSTANCE = new ThreadKilled();

    private ThreadKilled() {
        super("thread ended by the run", null, false, false);
    }
}
