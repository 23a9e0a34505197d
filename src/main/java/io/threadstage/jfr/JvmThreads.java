package io.threadstage.jfr;

import java.util.List;

/**
 * Which threads of a recording are the JVM's own (Reference Handler, Finalizer, Signal
 * Dispatcher, Common-Cleaner, the compiler and Flight Recorder threads...) rather than the
 * program's: they run in every Java program and would bury its few lanes, so they are hidden
 * unless asked for. Stateless.
 */
final class JvmThreads {

    /** The JDK puts its own threads in these groups; a program's threads are in "main" or groups of its own. */
    private static final List<String> JVM_GROUPS = List.of("system", "InnocuousThreadGroup");
    /** Names of JVM threads that may sit outside those groups (or have no group in the recording). */
    private static final List<String> JVM_NAME_PREFIXES = List.of("Reference Handler", "Finalizer",
            "Signal Dispatcher", "Common-Cleaner", "Attach Listener", "Notification Thread", "Service Thread",
            "Monitor Deflation Thread", "Sweeper thread", "C1 CompilerThread", "C2 CompilerThread", "JFR ",
            "DestroyJavaVM", "process reaper", "RMI ", "GC Thread", "VM Thread", "VM Periodic Task Thread");

    private JvmThreads() {
    }

    static boolean isJvmThread(String name, String group) {
        if (group != null && JVM_GROUPS.contains(group)) {
            return true;
        }
        if (name == null) {
            return true;
        }
        for (String prefix : JVM_NAME_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
