package io.threadstage.io;

import io.threadstage.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a worker's function, {@code __init__} or {@code __call__}, bound to the
 * arguments the scenario passes: positional ones first (named by {@code params}, else
 * {@code arg} or {@code arg1, arg2, ...}), then any named parameter left, then keyword
 * arguments. A parameter nothing binds defaults to {@code None}. Immutable.
 *
 * @param names  parameter names, in order
 * @param values the value bound to each parameter that has one
 */
record PythonSignature(List<String> names, Map<String, Value> values) {

    static PythonSignature of(List<String> params, List<Value> args, Map<String, Value> kwargs) {
        List<String> names = new ArrayList<>();
        Map<String, Value> values = new LinkedHashMap<>();
        List<String> generated = generatedNames(args.size());
        for (int i = 0; i < args.size(); i++) {
            String name = i < params.size() ? params.get(i) : generated.get(i);
            names.add(name);
            values.put(name, args.get(i));
        }
        for (int i = args.size(); i < params.size(); i++) {
            names.add(params.get(i));
        }
        for (Map.Entry<String, Value> entry : kwargs.entrySet()) {
            if (!names.contains(entry.getKey())) {
                names.add(entry.getKey());
            }
            values.put(entry.getKey(), entry.getValue());
        }
        return new PythonSignature(List.copyOf(names), values);
    }

    static List<String> generatedNames(int count) {
        if (count == 1) {
            return List.of("arg");
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add("arg" + i);
        }
        return names;
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

    /** Each parameter read through {@code prefix}: {@code count}, or {@code self.count}. */
    Map<String, String> readers(String prefix) {
        Map<String, String> readers = new LinkedHashMap<>();
        for (String name : names) {
            readers.put(name, prefix + name);
        }
        return readers;
    }

    /** The call's arguments: {@code 3, "x", delay=0.5}. */
    static String callArguments(List<Value> args, Map<String, Value> kwargs) {
        List<String> written = new ArrayList<>(PythonLiterals.values(args));
        for (Map.Entry<String, Value> entry : kwargs.entrySet()) {
            written.add(entry.getKey() + "=" + PythonLiterals.value(entry.getValue()));
        }
        return String.join(", ", written);
    }
}
