package io.threadstage.io;

import io.threadstage.model.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of a worker's function, {@code __init__} or {@code __call__}, or of a task,
 * bound to the arguments the scenario passes: positional ones first (named by {@code params},
 * else {@code arg} or {@code arg1, arg2, ...}), then any named parameter left, then keyword
 * arguments. A parameter nothing binds defaults to {@code None}. A scenario's parameter keeps its
 * name unless that would hide a name the body reads (a resource, a helper, a builtin...), or,
 * in a {@code threading.Thread} subclass, an attribute or keyword of {@code Thread}; then it is
 * moved aside, and the keyword arguments that bind it follow. Immutable.
 *
 * @param names   Python parameter names, in order
 * @param values  the value bound to each Python parameter that has one
 * @param renamed scenario name (parameter or keyword) to its Python parameter name
 */
record PythonSignature(List<String> names, Map<String, Value> values, Map<String, String> renamed) {

    /** Where the parameters end up, which decides the names they must leave alone. */
    enum Holder {
        /** A function's parameters. */
        FUNCTION(Set.of()),
        /** {@code __init__(self, ...)} of a plain class: the parameters become attributes of {@code self}. */
        PLAIN_CLASS(Set.of("self")),
        /**
         * {@code __init__(self, ..., **kwargs)} of a Thread subclass: the parameters become
         * attributes of the thread, so they must not replace Thread's own ({@code name},
         * {@code start}, {@code _started}...) nor catch the keywords passed on to it.
         */
        THREAD_SUBCLASS(Set.of("self", "kwargs", "group", "target", "name", "args", "daemon", "getName", "setName",
                "isDaemon", "setDaemon", "ident", "native_id", "is_alive", "join", "run", "start"));

        private final Set<String> avoided;

        Holder(Set<String> avoided) {
            this.avoided = avoided;
        }

        /** Thread's private attributes vary between versions: a subclass leaves every {@code _name} alone. */
        boolean allows(String name) {
            return !avoided.contains(name) && (this != THREAD_SUBCLASS || !name.startsWith("_"));
        }
    }

    static PythonSignature of(List<String> params, List<Value> args, Map<String, Value> kwargs, ProgramNames names,
                              Holder holder) {
        List<String> given = new ArrayList<>(params);
        for (String key : kwargs.keySet()) {
            if (!given.contains(key)) {
                given.add(key);
            }
        }
        Map<String, String> renamed = nameAll(given, names, holder);
        Set<String> taken = new HashSet<>(renamed.values());
        taken.addAll(holder.avoided);
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (i < params.size()) {
                positional.add(renamed.get(params.get(i)));
            } else {
                String wanted = args.size() == 1 ? "arg" : "arg" + (i + 1);
                String name = names.claimLocal(wanted, "_", taken, Set.of());
                taken.add(name);
                positional.add(name);
            }
        }

        List<String> ordered = new ArrayList<>();
        Map<String, Value> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            ordered.add(positional.get(i));
            values.put(positional.get(i), args.get(i));
        }
        for (String scenarioName : given) {
            String name = renamed.get(scenarioName);
            if (!ordered.contains(name)) {
                ordered.add(name);
            }
            if (kwargs.containsKey(scenarioName)) {
                values.put(name, kwargs.get(scenarioName));
            }
        }
        return new PythonSignature(List.copyOf(ordered), values, renamed);
    }

    /** Free names keep their spelling first, so a moved name cannot take the place of a kept one. */
    private static Map<String, String> nameAll(List<String> given, ProgramNames names, Holder holder) {
        Map<String, String> renamed = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String name : given) {
            if (holder.allows(name) && names.isFreeLocal(name, taken)) {
                renamed.put(name, names.claimLocal(name, "_", taken, Set.of()));
                taken.add(name);
            }
        }
        for (String name : given) {
            if (!renamed.containsKey(name)) {
                String wanted = holder == Holder.THREAD_SUBCLASS ? name.replaceFirst("^_+", "") : name;
                String python = names.claimLocal(wanted.isEmpty() ? "value" : wanted, "_", taken, holder.avoided);
                renamed.put(name, python);
                taken.add(python);
            }
        }
        return renamed;
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    /** The parameter list as written after {@code def f(} or {@code def __init__(self, }. */
    String parameters() {
        List<String> written = new ArrayList<>();
        boolean defaulted = false;
        for (String name : names) {
            // after one default every later parameter needs one; keyword arguments still bind them
            defaulted |= !values.containsKey(name);
            written.add(defaulted ? name + "=None" : name);
        }
        return String.join(", ", written);
    }

    /** The parameter list of a task, whose every call passes every argument. */
    String requiredParameters() {
        return String.join(", ", names);
    }

    /** Each scenario parameter read through {@code prefix}: {@code count}, or {@code self.count}. */
    Map<String, String> readers(String prefix) {
        Map<String, String> readers = new LinkedHashMap<>();
        renamed.forEach((scenarioName, name) -> readers.put(scenarioName, prefix + name));
        return readers;
    }

    /** Scenario parameter name to the value every call passes. */
    Map<String, Value> fixedArgs() {
        Map<String, Value> fixed = new LinkedHashMap<>();
        renamed.forEach((scenarioName, name) -> {
            if (values.containsKey(name)) {
                fixed.put(scenarioName, values.get(name));
            }
        });
        return fixed;
    }

    /** The keyword arguments, keyed by the parameters they bind in the program. */
    Map<String, Value> keywords(Map<String, Value> kwargs) {
        Map<String, Value> keywords = new LinkedHashMap<>();
        kwargs.forEach((key, value) -> keywords.put(renamed.get(key), value));
        return keywords;
    }

    /** The call's arguments: {@code 3, "x", delay=0.5}. */
    String callArguments(List<Value> args, Map<String, Value> kwargs) {
        List<String> written = new ArrayList<>(PythonLiterals.values(args));
        keywords(kwargs).forEach((key, value) -> written.add(key + "=" + PythonLiterals.value(value)));
        return String.join(", ", written);
    }
}
