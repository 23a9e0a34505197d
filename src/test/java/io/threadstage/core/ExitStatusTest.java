package io.threadstage.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadstage.io.CPython;
import io.threadstage.model.Value;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The exit status of an uncaught SystemExit or KeyboardInterrupt in main, code by code, as python3 exits. */
class ExitStatusTest {

    /** Each line a Python expression raised in a child python3; the script prints the status a shell sees. */
    private static final List<String> RAISED = List.of("SystemExit()", "SystemExit(0)", "SystemExit(3)",
            "SystemExit(255)", "SystemExit(256)", "SystemExit(-1)", "SystemExit(-256)", "SystemExit(2**31 - 1)",
            "SystemExit(2**31)", "SystemExit(2**32 + 258)", "SystemExit(2**63 - 1)", "SystemExit(2**63)",
            "SystemExit(2**70)", "SystemExit(-2**70)", "SystemExit('bye')", "SystemExit('')",
            "KeyboardInterrupt()", "KeyboardInterrupt('k')", "ValueError('v')");

    private static final String STATUSES = String.join("\n",
            "import subprocess, sys",
            "for raised in sys.argv[1:]:",
            "    code = subprocess.run([sys.executable, '-c', 'raise ' + raised], capture_output=True).returncode",
            "    print(128 - code if code < 0 else code)");

    @Test
    void everyStatusIsPython3s() {
        Optional<Path> python = CPython.find();
        Assumptions.assumeTrue(python.isPresent(), "no python3 on the PATH: nothing to compare with");
        List<String> args = new ArrayList<>(List.of("-c", STATUSES));
        args.addAll(RAISED);
        CPython.Outcome outcome = CPython.start(python.get(), args).await(Duration.ofSeconds(60));

        List<String> core = new ArrayList<>();
        for (String raised : RAISED) {
            core.add(Integer.toString(ExitStatus.ofUncaught(exception(raised))));
        }
        assertEquals(outcome.stdout(), core);
    }

    /** The few Python expressions above as the core's exception. */
    private static PyException exception(String expression) {
        String type = expression.substring(0, expression.indexOf('('));
        String argument = expression.substring(type.length() + 1, expression.length() - 1);
        if (argument.isEmpty()) {
            return PyException.raise(type, null);
        }
        if (argument.startsWith("'")) {
            return PyException.raise(type, Value.of(argument.substring(1, argument.length() - 1)));
        }
        return PyException.raise(type, Value.of(integer(argument)));
    }

    /** {@code N}, {@code 2**N}, {@code -2**N} or {@code 2**N + M} / {@code - M}. */
    private static BigInteger integer(String text) {
        String[] sum = text.split(" ");
        String power = sum[0];
        boolean negative = power.startsWith("-");
        BigInteger base = power.contains("**")
                ? BigInteger.TWO.pow(Integer.parseInt(power.substring(power.indexOf("**") + 2)))
                : new BigInteger(power.replace("-", ""));
        BigInteger value = negative ? base.negate() : base;
        if (sum.length == 3) {
            BigInteger offset = new BigInteger(sum[2]);
            value = sum[1].equals("+") ? value.add(offset) : value.subtract(offset);
        }
        return value;
    }
}
