package io.threadstage.ui.stage;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit for drawing on a canvas without a window, for tests and the canvas
 * benchmark (the application's pictures need no toolkit): Monocle's headless glass and the
 * software pipeline, unless a toolkit already runs (TestFX). The properties
 * must be set before the toolkit starts, which is why this is the one place that starts it.
 * Callable from any thread but the FX thread.
 */
public final class HeadlessFx {

    private static volatile boolean started;
    /**
     * Held so the setting sticks: JavaFX warns on every class-path start that it prefers modules,
     * which on a command line's stderr reads like an error.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private HeadlessFx() {
    }

    public static synchronized void start() {
        if (started) {
            return;
        }
        if (!Platform.isFxApplicationThread()) {
            setIfAbsent("glass.platform", "Monocle");
            setIfAbsent("monocle.platform", "Headless");
            setIfAbsent("prism.order", "sw");
            setIfAbsent("java.awt.headless", "true");
            JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
            CountDownLatch ready = new CountDownLatch(1);
            try {
                Platform.startup(ready::countDown);
            } catch (IllegalStateException alreadyRunning) {
                ready.countDown();
            }
            try {
                if (!ready.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("JavaFX did not start within 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting JavaFX", e);
            }
        }
        Platform.setImplicitExit(false);
        started = true;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
