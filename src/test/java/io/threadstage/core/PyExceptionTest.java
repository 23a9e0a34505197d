package io.threadstage.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadstage.io.CPython;
import io.threadstage.model.PythonExceptions;
import io.threadstage.model.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What {@code raise Type(argument)} raises, as {@code type: str()}, for every built-in exception
 * and each argument a raise step can give (none, a text, an int): the machine's python3 says.
 */
class PyExceptionTest {

    private static final String RAISED = String.join("\n",
            "import builtins",
            "exceptions = {n: o for n, o in vars(builtins).items() if isinstance(o, type) and issubclass(o, BaseException)}",
            "for name, cls in sorted(exceptions.items()):",
            "    for args in ((), ('m',), (7,)):",
            "        try:",
            "            raised = cls(*args)",
            "        except TypeError as refused:",
            "            raised = refused",
            "        print(name + repr(args) + ' ' + type(raised).__name__ + ': ' + str(raised))");

    @Test
    void everyBuiltinRaisesWithCPythonsTypeAndText() {
        Optional<Path> python = CPython.find();
        Assumptions.assumeTrue(python.isPresent(), "no python3 on the PATH: nothing to compare with");
        CPython.Outcome outcome = CPython.start(python.get(), List.of("-c", RAISED)).await(Duration.ofSeconds(60));

        TreeSet<String> names = new TreeSet<>(PythonExceptions.bases().keySet());
        names.addAll(PythonExceptions.aliases().keySet());
        List<String> core = new ArrayList<>();
        for (String name : names) {
            for (Value argument : Arrays.asList(null, Value.of("m"), Value.of(7))) {
                PyException raised = PyException.raise(name, argument);
                String args = argument == null ? "()" : "(" + (argument instanceof Value.Text ? "'m'" : "7") + ",)";
                core.add(name + args + " " + raised.type() + ": " + raised.str());
            }
        }
        assertEquals(outcome.stdout(), core);
    }
}
