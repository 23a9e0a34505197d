package io.threadstage.io;

import io.threadstage.model.Value;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the code of one body can name, as the runtime's frame does: the parameters of its
 * function (with their values when every call passes the same ones), and the variables that
 * blocks bind around it: a consumer loop's item, an except block's exception. A block binds a
 * fresh Python variable for each, so an inner loop or handler never overwrites (or, at the end
 * of a handler, deletes) the variable of an outer one still in use; a placeholder names the
 * innermost binding, then a parameter. Collects the names the body assigns at module level,
 * which need a {@code global} statement unless the body is itself at module level. Confined to
 * the thread that generates.
 */
final class PythonScope {

    private final ProgramNames names;
    /** Scenario parameter name to the expression that reads it. */
    private final Map<String, String> params;
    /** Placeholder to the variable of the innermost block binding it. */
    private final Map<String, String> bindings;
    private final Map<String, Value> fixedArgs;
    private final boolean moduleLevel;
    /** Python names this body must not assign: its parameters and the variables of enclosing blocks. */
    private final Set<String> live;
    private final Set<String> assignedGlobals;

    private PythonScope(ProgramNames names, Map<String, String> params, Map<String, String> bindings,
                        Map<String, Value> fixedArgs, boolean moduleLevel, Set<String> live,
                        Set<String> assignedGlobals) {
        this.names = names;
        this.params = params;
        this.bindings = bindings;
        this.fixedArgs = fixedArgs;
        this.moduleLevel = moduleLevel;
        this.live = live;
        this.assignedGlobals = assignedGlobals;
    }

    static PythonScope module(ProgramNames names) {
        return new PythonScope(names, Map.of(), Map.of(), Map.of(), true, Set.of(), new TreeSet<>());
    }

    /**
     * A function body.
     *
     * @param readers   scenario parameter name to the expression that reads it ({@code count},
     *                  {@code self.count})
     * @param fixedArgs scenario parameter name to the value every call passes, where that is known
     * @param locals    the Python names of the function's own parameters ({@code self} included)
     */
    static PythonScope function(ProgramNames names, Map<String, String> readers, Map<String, Value> fixedArgs,
                                Set<String> locals) {
        return new PythonScope(names, Map.copyOf(readers), Map.of(), Map.copyOf(fixedArgs), false,
                Set.copyOf(locals), new TreeSet<>());
    }

    /**
     * The scope of a block that binds {@code placeholder} ({@code item}, {@code error}) to a
     * fresh variable; {@link #variable} tells its Python name.
     */
    PythonScope binding(String placeholder, String wanted) {
        String variable = names.claimLocal(wanted, "", live, Set.of());
        Map<String, String> more = new HashMap<>(bindings);
        more.put(placeholder, variable);
        Set<String> nowLive = new HashSet<>(live);
        nowLive.add(variable);
        return new PythonScope(names, params, Map.copyOf(more), fixedArgs, moduleLevel, Set.copyOf(nowLive),
                assignedGlobals);
    }

    /**
     * A variable for a value the code keeps for a moment (a counter read before it is written
     * back), clear of every name this body reads.
     */
    String temporary(String wanted) {
        return names.claimLocal(wanted, "", live, Set.of());
    }

    /** The Python expression that reads a scenario name: the innermost binding, else a parameter. */
    Optional<String> reader(String name) {
        String bound = bindings.get(name);
        return Optional.ofNullable(bound != null ? bound : params.get(name));
    }

    /** The variable a {@link #binding} made for {@code placeholder}. */
    String variable(String placeholder) {
        return bindings.get(placeholder);
    }

    boolean isModuleLevel() {
        return moduleLevel;
    }

    /**
     * The one parameter always bound to {@code number}, so {@code for _ in range(count):} can
     * say what the scenario means rather than repeat the number (a block binds fresh variables,
     * so the parameter still holds it inside any block).
     */
    Optional<String> paramHolding(long number) {
        String found = null;
        for (Map.Entry<String, Value> entry : fixedArgs.entrySet()) {
            if (entry.getValue() instanceof Value.Int held && held.value().equals(BigInteger.valueOf(number))) {
                if (found != null) {
                    return Optional.empty();
                }
                found = entry.getKey();
            }
        }
        return Optional.ofNullable(found == null ? null : params.get(found));
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
