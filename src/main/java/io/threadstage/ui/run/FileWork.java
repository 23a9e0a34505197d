package io.threadstage.ui.run;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The window's file work (open a trace, save one, export one): one named daemon thread does it
 * in order, so the FX thread never waits on a disk, and each file's result is handed back to the
 * FX thread once, when the file is done. Owned by the window; {@link #submit} from the FX thread.
 */
public final class FileWork {

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

    /** Lets queued work finish and takes no more. */
    public void shutdown() {
        worker.shutdown();
    }
}
