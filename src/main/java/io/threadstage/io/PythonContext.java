package io.threadstage.io;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Program-wide facts gathered while one scenario is written: the Python name of every resource,
 * worker, future and definition (planned up front, see {@link PythonNamePlan}), the imports and
 * helpers the code turned out to use, the exception classes it must define, and the
 * module-level definitions (functions, classes) in the order they were first needed. Two
 * definitions asking for one name share it when their code is identical; otherwise the later
 * one is numbered. Confined to the thread that generates.
 */
final class PythonContext {

    static final String NAME_TOKEN = "\u0000name\u0000";

    /** A module-level definition: its code, with {@link #NAME_TOKEN} where its name goes. */
    record Definition(String name, PythonLines code) {
    }

    /**
     * An exception class the program defines: the type's name as raised and reported, and the
     * Python name bound to it, which differs when the type's own name is taken.
     */
    record ExceptionClass(String type, String name) {
        boolean renamed() {
            return !type.equals(name);
        }
    }

    private final Scenario scenario;
    private final ProgramNames names = new ProgramNames();
    private final PythonNamePlan plan;
    private final Set<String> imports = new TreeSet<>();
    private final Map<String, ExceptionClass> exceptionClasses = new TreeMap<>();
    private boolean computeUsed;
    private final List<Definition> definitions = new ArrayList<>();
    /** Requested name to the names given to each different code requesting it. */
    private final Map<String, Map<String, String>> variants = new HashMap<>();
    /** Definition name to the scenario's name for it, where CPython shows the latter in a thread's default name. */
    private final Map<String, String> shownNames = new LinkedHashMap<>();

    PythonContext(Scenario scenario) {
        this.scenario = scenario;
        this.plan = PythonNamePlan.of(scenario, names);
    }

    Scenario scenario() {
        return scenario;
    }

    ProgramNames names() {
        return names;
    }

    String resource(String name) {
        return plan.resource(name);
    }

    boolean isCounter(String name) {
        return scenario.resource(name).filter(r -> r instanceof Resource.Counter).isPresent();
    }

    boolean isLocal(String name) {
        return scenario.resource(name).filter(r -> r instanceof Resource.Local).isPresent();
    }

    /** The variable holding the thread object of a worker. */
    String worker(String ref) {
        return plan.thread(ref);
    }

    String future(String name) {
        return plan.future(name);
    }

    /** The planned name of a function or class the scenario names, before any variant numbering. */
    String definitionName(String name) {
        return plan.definition(name);
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
        String queueException = PythonExceptionNames.queueException(type);
        if (queueException != null) {
            imports.add("queue");
            return queueException;
        }
        if (PythonExceptionNames.isQualified(type)) {
            imports.add(type.substring(0, type.indexOf('.')));
            return type;
        }
        if (PythonExceptionNames.isBuiltin(type)) {
            return type;
        }
        ExceptionClass declared = new ExceptionClass(type, plan.exceptionClass(type));
        exceptionClasses.put(type, declared);
        return declared.name();
    }

    /** The exception classes the code uses, in the order of their types' names. */
    Collection<ExceptionClass> exceptionClasses() {
        return exceptionClasses.values();
    }

    /**
     * Registers a module-level definition and returns the name it is defined under: the
     * requested one, or a numbered variant when different code already has that name.
     *
     * @param planned whether {@code requested} is a name the plan gave this definition (a
     *                scenario's function or class name), rather than one to be made free
     */
    String define(String requested, boolean planned, PythonLines code) {
        String text = code.text();
        Map<String, String> known = variants.computeIfAbsent(requested, key -> new LinkedHashMap<>());
        String name = known.get(text);
        if (name == null) {
            name = planned && !known.containsValue(requested) ? requested : names.claimGlobal(requested, "");
            known.put(text, name);
        }
        definitions.add(new Definition(name, code));
        return name;
    }

    /** Definitions in the order first needed; a shared one appears once per user, identical. */
    List<Definition> definitions() {
        return definitions;
    }

    /**
     * CPython names a thread made without a name after its target's {@code __name__}: when the
     * function is defined under another name than the scenario's, the program restores it.
     */
    void showsName(String definition, String scenarioName) {
        if (!definition.equals(scenarioName)) {
            shownNames.put(definition, scenarioName);
        }
    }

    /** Definition name to the {@code __name__} it must show, for {@link #showsName}. */
    Map<String, String> shownNames() {
        return shownNames;
    }
}
