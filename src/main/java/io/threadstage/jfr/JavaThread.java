package io.threadstage.jfr;

import io.threadstage.trace.ThreadStyle;

/**
 * One thread of a recording as the lanes need it: who it is (Java id, name, group, virtual or
 * not), whether it is the JVM's own, when it was first seen and last did something, and the
 * trace's {@code tid} it gets if shown. Owned by the reading thread.
 */
final class JavaThread {

    /** {@link #tid} of a thread not shown. */
    static final int HIDDEN = -1;

    final int index;
    final long javaId;
    final long osId;
    final String name;
    final String group;
    final boolean virtual;
    final boolean jvm;
    long firstSeen = Long.MAX_VALUE;
    long lastSeen = Long.MIN_VALUE;
    boolean ended;
    int tid = HIDDEN;
    /** Live: whether the thread got its lane (or was hidden) already. */
    boolean decided;

    JavaThread(int index, long javaId, long osId, String name, String group, boolean virtual) {
        this.index = index;
        this.javaId = javaId;
        this.osId = osId;
        this.name = name == null ? "" : name;
        this.group = group;
        this.virtual = virtual;
        this.jvm = !virtual && JvmThreads.isJvmThread(name, group);
    }

    void seen(long time) {
        firstSeen = Math.min(firstSeen, time);
        lastSeen = Math.max(lastSeen, time);
    }

    boolean isMain() {
        return !virtual && "main".equals(name) && (group == null || "main".equals(group));
    }

    /**
     * The lane's name: the thread's own in the program's main group, so the lanes say what the
     * program named them; kept apart otherwise by a prefix: {@code virtual/} for a virtual thread
     * ({@code virtual/#ID} when unnamed, as most are) and {@code GROUP/} for another thread group
     * (the JVM's {@code system/...} with {@code --all-threads}).
     */
    String laneName() {
        if (virtual) {
            return "virtual/" + (name.isEmpty() ? "#" + javaId : name);
        }
        if (group != null && !group.equals("main")) {
            return group + "/" + name;
        }
        return name;
    }

    /** The trace's thread style: {@code main}, {@code pool} for an executor's or a fork-join pool's worker, else {@code target}. */
    ThreadStyle style() {
        if (tid == 0) {
            return ThreadStyle.MAIN;
        }
        return name.matches("pool-\\d+-thread-\\d+") || name.startsWith("ForkJoinPool") ? ThreadStyle.POOL : ThreadStyle.TARGET;
    }
}
