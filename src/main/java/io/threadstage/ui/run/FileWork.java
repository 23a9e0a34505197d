package io.threadstage.ui.run;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The window's file work (open a trace, save or export one, the editor's autosave, a slide, a
 * clip's encoding): one named daemon thread does it in order, so the FX thread never waits on a
 * disk, and each file's result is handed back to the FX thread once, when the file is done. The
 * window has this one executor for files and no other. Owned by the window; {@link #submit} and
 * {@link #execute} from the FX thread.
 */
public final class FileWork implements Executor {

    /** What a piece of file work does off the FX thread. */
    @FunctionalInterface
    public interface Job<T> {
        T run() throws Exception;
    }

    private final ExecutorService worker;
    private final Executor fxThread;

    /** @param fxThread where results go: {@code Platform::runLater} in the window, the caller's thread in tests */
    public FileWork(Executor fxThread) {
        this.fxThread = fxThread;
        this.worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "threadstage-files");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code job} on the file thread; {@code done} or {@code failed} then runs on the FX thread, once. */
    public <T> void submit(Job<T> job, Consumer<? super T> done, Consumer<? super Exception> failed) {
        worker.execute(() -> {
            T result;
            try {
                result = job.run();
            } catch (Exception failure) {
                fxThread.execute(() -> failed.accept(failure));
                return;
            }
            fxThread.execute(() -> done.accept(result));
        });
    }

    /**
     * Runs {@code work} on the file thread, after what was queued before, for work that reports
     * its own end (the autosave keeps quiet, a clip's encoder completes its future).
     */
    @Override
    public void execute(Runnable work) {
        worker.execute(work);
    }

    /** Lets queued work finish and takes no more. */
    public void shutdown() {
        worker.shutdown();
    }
}
