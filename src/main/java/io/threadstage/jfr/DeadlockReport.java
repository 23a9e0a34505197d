package io.threadstage.jfr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deadlocks a thread dump reports ("Found one Java-level deadlock:"), as who waits for what
 * held by whom. A wait that never ends is never written as a span by the recorder, so the
 * dump taken as the recording stops is the only place a deadlock shows. Stateless.
 */
final class DeadlockReport {

    /** {@code waiter} waits to lock the object of {@code objectClass} at {@code address}, held by {@code holder}. */
    record Wait(String waiter, String objectClass, long address, String holder) {
    }

    private static final Pattern WAITER = Pattern.compile("^\"(.*)\":$");
    private static final Pattern MONITOR = Pattern.compile(
            "waiting to lock monitor 0x([0-9a-fA-F]+) \\(object 0x[0-9a-fA-F]+, a ([^)]+)\\)");
    private static final Pattern SYNCHRONIZER = Pattern.compile(
            "waiting for ownable synchronizer 0x([0-9a-fA-F]+), \\(a ([^)]+)\\)");
    private static final Pattern HOLDER = Pattern.compile("which is held by \"(.*)\"");

    private DeadlockReport() {
    }

    /** The waits of every deadlock in {@code dump}, in the dump's order; empty when it reports none. */
    static List<Wait> parse(String dump) {
        List<Wait> waits = new ArrayList<>();
        if (dump == null) {
            return waits;
        }
        boolean inDeadlock = false;
        String waiter = null;
        String objectClass = null;
        long address = 0;
        for (String raw : dump.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("Found one Java-level deadlock") || line.matches("Found \\d+ Java-level deadlocks:")) {
                inDeadlock = true;
                continue;
            }
            if (line.startsWith("Java stack information for the threads listed above")) {
                inDeadlock = false;
                continue;
            }
            if (!inDeadlock) {
                continue;
            }
            Matcher m;
            if ((m = WAITER.matcher(line)).matches()) {
                waiter = m.group(1);
                objectClass = null;
            } else if ((m = MONITOR.matcher(line)).find() || (m = SYNCHRONIZER.matcher(line)).find()) {
                address = Long.parseUnsignedLong(m.group(1), 16);
                objectClass = m.group(2);
            } else if ((m = HOLDER.matcher(line)).find() && waiter != null && objectClass != null) {
                waits.add(new Wait(waiter, objectClass, address, m.group(1)));
                waiter = null;
            }
        }
        return waits;
    }
}
