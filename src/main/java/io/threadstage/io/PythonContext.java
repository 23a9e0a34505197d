package io.threadstage.io;

import io.threadstage.model.PythonExceptions;
import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Worker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Program-wide facts gathered while one scenario is written: the Python name of every resource
 * and worker, the imports and helpers the code turned out to use, the exception classes it must
 * declare, and the module-level definitions (functions, classes) in the order they were first
 * needed. Two definitions asking for one name share it when their code is identical; otherwise
 * the later one is numbered. Confined to the thread that generates.
 */
final class PythonContext {

    static final String NAME_TOKEN = "\u0000name\u0000";

    /** The runtime's names for the exceptions a queue raises on timeout. */
    private static final Map<String, String> QUEUE_EXCEPTIONS = Map.of("Empty", "queue.Empty", "Full", "queue.Full");

    /** A module-level definition: its code, with {@link #NAME_TOKEN} where its name goes. */
    record Definition(String name, PythonLines code) {
    }

    private final Scenario scenario;
    private final PythonNames names = new PythonNames();
    private final Map<String, String> resourceNames = new HashMap<>();
    private final Map<String, String> workerVariables = new HashMap<>();
    private final Set<String> imports = new TreeSet<>();
    private final Set<String> exceptionClasses = new TreeSet<>();
    private boolean computeUsed;
    private final List<Definition> definitions = new ArrayList<>();
    /** Requested name to the code texts already defined under it (in order: name, name_2, ...). */
    private final Map<String, List<String>> variants = new LinkedHashMap<>();

    PythonContext(Scenario scenario) {
        this.scenario = scenario;
    }

    Scenario scenario() {
        return scenario;
    }

    PythonNames names() {
        return names;
    }

    void nameResource(Resource resource) {
        String name = resource.name();
        if (names.isTaken(name)) {
            name = names.claimFree(name, "_");
        } else {
            names.claim(name);
        }
        resourceNames.put(resource.name(), name);
    }

    String resource(String name) {
        return resourceNames.getOrDefault(name, name);
    }

    boolean isCounter(String name) {
        return scenario.resource(name).filter(r -> r instanceof Resource.Counter).isPresent();
    }

    boolean isLocal(String name) {
        return scenario.resource(name).filter(r -> r instanceof Resource.Local).isPresent();
    }

    void nameWorker(Worker worker, String variable) {
        workerVariables.put(worker.ref(), variable);
    }

    /** The variable holding the thread object of a worker. */
    String worker(String ref) {
        return workerVariables.getOrDefault(ref, PythonNames.snake(ref));
    }

    void imports(String module) {
        imports.add(module);
    }

    Set<String> imports() {
        return imports;
    }

    void usesCompute() {
        computeUsed = true;
        imports.add("time");
    }

    boolean computeUsed() {
        return computeUsed;
    }

    /** The Python expression naming an exception type, declaring or importing what it needs. */
    String exceptionType(String type) {
        String queueException = QUEUE_EXCEPTIONS.get(type);
        if (queueException != null) {
            imports.add("queue");
            return queueException;
        }
        int dot = type.lastIndexOf('.');
        if (dot > 0) {
            imports.add(type.substring(0, type.indexOf('.')));
            return type;
        }
        if (!PythonExceptions.isBuiltin(type)) {
            exceptionClasses.add(type);
            names.claim(type);
        }
        return type;
    }

    Set<String> exceptionClasses() {
        return exceptionClasses;
    }

    /**
     * Registers a module-level definition and returns the name it is defined under: the
     * requested one, or a numbered variant when different code already has that name.
     */
    String define(String requested, PythonLines code) {
        String text = code.text();
        List<String> known = variants.computeIfAbsent(requested, key -> new ArrayList<>());
        int index = known.indexOf(text);
        if (index >= 0) {
            String name = index == 0 ? requested : requested + "_" + (index + 1);
            for (Definition definition : definitions) {
                if (definition.name().equals(name)) {
                    definitions.add(new Definition(name, code));
                    break;
                }
            }
            return name;
        }
        known.add(text);
        String name = known.size() == 1 ? requested : requested + "_" + known.size();
        names.claim(name);
        definitions.add(new Definition(name, code));
        return name;
    }

    /** Definitions in the order first needed; a shared one appears once per user, identical. */
    List<Definition> definitions() {
        return definitions;
    }
}
