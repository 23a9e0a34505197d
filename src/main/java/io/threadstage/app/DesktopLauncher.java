package io.threadstage.app;

/** PLACEHOLDER: opens the window on a file, or on the default lesson. */
final class DesktopLauncher {

    private DesktopLauncher() {
    }

    static int open(String fileOrNull) {
        System.err.println("the window is not yet implemented");
        return 1;
    }
}
