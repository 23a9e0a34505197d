package io.threadstage.jfr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names lanes show for what a thread waits on. A recording knows a monitor or a park
 * blocker only by its class and address (stack traces are off), so an object is named by its
 * class, shortened to what a reader recognises ({@code Object}, {@code ReentrantLock},
 * {@code Condition}), with {@code #1}, {@code #2}... in order of first appearance when several
 * objects of that name occur; the numbers can be given only once the whole recording was read,
 * so {@link #label} answers after {@link #finish}. One reading's use; one thread.
 */
final class ObjectLabels {

    static final int NONE = -1;

    private final List<String> names = new ArrayList<>();
    /** Per id: the object's address, or 0 for a fixed text. */
    private final List<Long> addresses = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private String[] labels;
    /** Live: each object is named as it comes, the first of a name plainly, the next {@code #2}, {@code #3}... */
    private final boolean asTheyCome;
    private final List<String> namedAsTheyCome = new ArrayList<>();
    private final Map<String, Integer> seenPerName = new HashMap<>();

    ObjectLabels() {
        this(false);
    }

    /** @param asTheyCome name objects at once (a live reading), rather than once all are known */
    ObjectLabels(boolean asTheyCome) {
        this.asTheyCome = asTheyCome;
    }

    /** The id of the object of class {@code className} at {@code address} (0: unknown address). */
    int object(String className, long address) {
        if (className == null) {
            return NONE;
        }
        String name = shortName(className);
        return id(name + "@" + Long.toHexString(address), name, address);
    }

    /** The id of a text that is a name already (a thread's, for a join). */
    int text(String text) {
        return text == null ? NONE : id("\u0000" + text, text, 0);
    }

    private int id(String key, String name, long address) {
        Integer known = ids.get(key);
        if (known != null) {
            return known;
        }
        int id = names.size();
        names.add(name);
        addresses.add(address);
        ids.put(key, id);
        labels = null;
        if (asTheyCome) {
            int seen = address == 0 ? 1 : seenPerName.merge(name, 1, Integer::sum);
            namedAsTheyCome.add(seen == 1 ? name : name + "#" + seen);
        }
        return id;
    }

    /** Gives the numbers: from now on {@link #label} answers. */
    void finish() {
        Map<String, Integer> objectsPerName = new HashMap<>();
        for (int id = 0; id < names.size(); id++) {
            if (addresses.get(id) != 0) {
                objectsPerName.merge(names.get(id), 1, Integer::sum);
            }
        }
        Map<String, Integer> counted = new HashMap<>();
        labels = new String[names.size()];
        for (int id = 0; id < names.size(); id++) {
            String name = names.get(id);
            boolean several = addresses.get(id) != 0 && objectsPerName.get(name) > 1;
            labels[id] = several ? name + "#" + counted.merge(name, 1, Integer::sum) : name;
        }
    }

    String label(int id) {
        if (id == NONE) {
            return null;
        }
        if (asTheyCome) {
            return namedAsTheyCome.get(id);
        }
        if (labels == null) {
            throw new IllegalStateException("labels are given by finish(), once the recording is read");
        }
        return labels[id];
    }

    /**
     * {@code java.lang.Object} to {@code Object}; a nested class of the JDK to its outer class
     * ({@code ReentrantLock$NonfairSync} to {@code ReentrantLock}, whose lock it is), except a
     * condition ({@code AbstractQueuedSynchronizer$ConditionObject} to {@code Condition}); a
     * program's nested class as its source says it ({@code Bank$Account} to {@code Bank.Account}).
     */
    static String shortName(String className) {
        if (className.startsWith("[")) {
            return arrayName(className);
        }
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        if (nested < 0) {
            return simple;
        }
        if (simple.endsWith("$ConditionObject")) {
            return "Condition";
        }
        boolean jdk = className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.");
        return jdk ? simple.substring(0, nested) : simple.replace('$', '.');
    }

    /** {@code [I} to {@code int[]}, {@code [Ljava.lang.Object;} to {@code Object[]}: as the source says it. */
    private static String arrayName(String className) {
        int depth = 0;
        while (depth < className.length() && className.charAt(depth) == '[') {
            depth++;
        }
        String element = className.substring(depth);
        String name = switch (element) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            default -> element.startsWith("L") && element.endsWith(";")
                    ? shortName(element.substring(1, element.length() - 1)) : element;
        };
        return name + "[]".repeat(depth);
    }
}
