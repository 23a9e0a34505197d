package io.threadstage.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.io.CPython;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The table of built-in exceptions is CPython 3.11's: the machine's python3 lists its builtins,
 * and every name, alias, base, subclass relation and constructor refusal must agree, so the
 * table cannot drift from the interpreter it stands for.
 */
class PythonExceptionsTest {

    /** One line per built-in exception name: name, __name__, bases, constructor errors for () and ('m'). */
    private static final String CLASSES = String.join("\n",
            "import builtins",
            "exceptions = {n: o for n, o in vars(builtins).items() if isinstance(o, type) and issubclass(o, BaseException)}",
            "for name, cls in sorted(exceptions.items()):",
            "    refused = []",
            "    for args in ((), ('m',)):",
            "        try:",
            "            cls(*args)",
            "            refused.append('-')",
            "        except TypeError as error:",
            "            refused.append(str(error))",
            "    bases = ','.join(b.__name__ for b in cls.__bases__ if b is not object)",
            "    print('\\t'.join([name, cls.__name__, bases] + refused))");

    /** One line per built-in exception name: the names of every built-in class it is a subclass of. */
    private static final String SUBCLASSES = String.join("\n",
            "import builtins",
            "exceptions = {n: o for n, o in vars(builtins).items() if isinstance(o, type) and issubclass(o, BaseException)}",
            "for name, cls in sorted(exceptions.items()):",
            "    print(name + '\\t' + ','.join(sorted(a for a, other in exceptions.items() if issubclass(cls, other))))");

    private static List<String> python(String program) {
        Optional<Path> python = CPython.find();
        Assumptions.assumeTrue(python.isPresent(), "no python3 on the PATH: nothing to compare the table with");
        CPython.Outcome outcome = CPython.start(python.get(), List.of("-c", program)).await(Duration.ofSeconds(60));
        assertEquals(0, outcome.exitCode(), "python3 failed: " + outcome.stderr());
        return outcome.stdout();
    }

    private static Map<String, String> allNames() {
        Map<String, String> names = new TreeMap<>();
        PythonExceptions.bases().keySet().forEach(name -> names.put(name, name));
        names.putAll(PythonExceptions.aliases());
        return names;
    }

    @Test
    void everyBuiltinNameBaseAndConstructorIsCPythons() {
        List<String> table = new ArrayList<>();
        allNames().forEach((name, className) -> {
            List<String> row = new ArrayList<>(List.of(name, className,
                    String.join(",", PythonExceptions.bases().get(className))));
            for (int arguments = 0; arguments <= 1; arguments++) {
                String refused = PythonExceptions.constructorError(name, arguments);
                row.add(refused == null ? "-" : refused);
            }
            table.add(String.join("\t", row));
        });
        assertEquals(python(CLASSES), table);
    }

    @Test
    void everySubclassRelationIsCPythons() {
        Map<String, String> names = allNames();
        List<String> table = new ArrayList<>();
        for (String name : names.keySet()) {
            TreeSet<String> ancestors = new TreeSet<>();
            for (String other : names.keySet()) {
                if (PythonExceptions.isSubclass(name, other)) {
                    ancestors.add(other);
                }
            }
            table.add(name + "\t" + String.join(",", ancestors));
        }
        assertEquals(python(SUBCLASSES), table);
    }

    @Test
    void aNameOutsideTheBuiltinsIsAnExceptionAsTheGeneratedClassIs() {
        assertFalse(PythonExceptions.isBuiltin("QuotaError"));
        assertTrue(PythonExceptions.isSubclass("QuotaError", "Exception"));
        assertTrue(PythonExceptions.isSubclass("QuotaError", "QuotaError"));
        assertFalse(PythonExceptions.isSubclass("QuotaError", "ValueError"));
        assertFalse(PythonExceptions.isSubclass("ValueError", "QuotaError"));
        assertNull(PythonExceptions.constructorError("QuotaError", 1));
    }

    @Test
    void anExceptionGroupIsAnExceptionThroughItsSecondBase() {
        assertTrue(PythonExceptions.isSubclass("ExceptionGroup", "Exception"));
        assertTrue(PythonExceptions.isSubclass("ExceptionGroup", "BaseExceptionGroup"));
        assertFalse(PythonExceptions.isSubclass("BaseExceptionGroup", "Exception"));
        assertTrue(PythonExceptions.isSubclass("IOError", "EnvironmentError"));
    }
}
