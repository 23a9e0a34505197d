package io.threadstage.io;

import io.threadstage.model.Value;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the code of one body can name: the parameters of its function (with their values when
 * every call passes the same ones), {@code item} inside a consumer loop, {@code error} inside an
 * except block. Collects the names the body assigns at module level, which need a
 * {@code global} statement unless the body is itself at module level. Confined to the thread
 * that generates.
 */
final class PythonScope {

    private final Map<String, String> params;
    private final Map<String, Value> fixedArgs;
    private final boolean moduleLevel;
    private final boolean item;
    private final boolean error;
    private final Set<String> assignedGlobals;
    /** Shared by an except block and the blocks nested in it: does its code name {@code error}? */
    private final boolean[] errorUsed;

    private PythonScope(Map<String, String> params, Map<String, Value> fixedArgs, boolean moduleLevel,
                        boolean item, boolean error, Set<String> assignedGlobals, boolean[] errorUsed) {
        this.params = params;
        this.fixedArgs = fixedArgs;
        this.moduleLevel = moduleLevel;
        this.item = item;
        this.error = error;
        this.assignedGlobals = assignedGlobals;
        this.errorUsed = errorUsed;
    }

    static PythonScope module() {
        return new PythonScope(Map.of(), Map.of(), true, false, false, new TreeSet<>(), new boolean[1]);
    }

    /**
     * A function body.
     *
     * @param params    parameter name to the expression that reads it ({@code count}, {@code self.count})
     * @param fixedArgs parameter name to the value every call passes, where that is known
     */
    static PythonScope function(Map<String, String> params, Map<String, Value> fixedArgs) {
        return new PythonScope(new LinkedHashMap<>(params), new LinkedHashMap<>(fixedArgs), false, false, false,
                new TreeSet<>(), new boolean[1]);
    }

    PythonScope withItem() {
        return new PythonScope(params, fixedArgs, moduleLevel, true, error, assignedGlobals, errorUsed);
    }

    /** The scope of an except block, with its own record of whether {@code error} is used. */
    PythonScope withError() {
        return new PythonScope(params, fixedArgs, moduleLevel, item, true, assignedGlobals, new boolean[1]);
    }

    boolean hasItem() {
        return item;
    }

    boolean hasError() {
        return error;
    }

    void usesError() {
        errorUsed[0] = true;
    }

    boolean errorUsed() {
        return errorUsed[0];
    }

    boolean isModuleLevel() {
        return moduleLevel;
    }

    Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /**
     * The one parameter always bound to {@code number}, so {@code for _ in range(count):} can
     * say what the scenario means rather than repeat the number.
     */
    Optional<String> paramHolding(long number) {
        String found = null;
        for (Map.Entry<String, Value> entry : fixedArgs.entrySet()) {
            if (entry.getValue() instanceof Value.Int held && held.value().equals(BigInteger.valueOf(number))) {
                if (found != null) {
                    return Optional.empty();
                }
                found = params.get(entry.getKey());
            }
        }
        return Optional.ofNullable(found);
    }

    void assignsGlobal(String name) {
        if (!moduleLevel) {
            assignedGlobals.add(name);
        }
    }

    Set<String> assignedGlobals() {
        return assignedGlobals;
    }
}
