package io.threadstage.model;

import java.math.BigInteger;

/**
 * The ranges the scenario format allows, in one place so the validator, the loader and the
 * editor's fields agree. "Not absurd" bounds (a step of at most ten minutes, at most 100,000
 * rounds of a loop) keep a typo such as an extra zero from freezing a lesson.
 */
public final class Limits {

    /** Longest time one step may take or wait for, in milliseconds of lesson time. */
    public static final Range STEP_MS = new Range(0, 600_000, " ms");
    public static final Range REPEAT = new Range(0, 100_000, "");
    public static final Range SWITCH_INTERVAL_MS = new Range(1, 1000, " ms");
    public static final Range MAX_WORKERS = new Range(1, 64, "");
    public static final Range MAXSIZE = new Range(0, Integer.MAX_VALUE, "");
    /**
     * The most thread objects a scenario may make besides MainThread: workers plus every
     * executor's {@code maxWorkers}. A trace keeps a thread id in 16 bits (0 to 32767,
     * {@code TraceSink.MAX_TID}), and every worker gets one at the run's start, started or not.
     */
    public static final int MAX_THREAD_OBJECTS = Short.MAX_VALUE;
    public static final double MIN_SPEED = 0.05;
    public static final double MAX_SPEED = 20;
    /** Deepest nesting of JSON objects and arrays a document may have. */
    public static final int MAX_DEPTH = 64;
    /**
     * Most decimal digits of an integer CPython 3.11 reads or prints ({@code sys.int_max_str_digits}):
     * a longer literal is a SyntaxError in the generated program, a longer {@code str(int)} a ValueError.
     */
    public static final int PYTHON_INT_DIGITS = 4300;
    /**
     * Longest number, in characters, the JSON reader takes before refusing it as syntax: room for
     * an integer of {@link #PYTHON_INT_DIGITS} digits and its sign, so the refusal of a longer one
     * comes from the validator, with its JSON path and Python's reason.
     */
    public static final int MAX_NUMBER_CHARS = 2 * PYTHON_INT_DIGITS;
    /**
     * Longest key of a JSON object, in characters. The format's keys are short words and an
     * {@code x-} key is a name; a longer one is refused as syntax, where it starts, rather than
     * echoed whole in a message.
     */
    public static final int MAX_KEY_CHARS = 1000;

    private Limits() {
    }

    public static String speedProblem(double speed) {
        if (speed >= MIN_SPEED && speed <= MAX_SPEED) {
            return null;
        }
        return "must be between " + Texts.number(MIN_SPEED) + " and " + Texts.number(MAX_SPEED)
                + ", got " + Texts.number(speed);
    }

    /** Why an integer is too long for Python to read, or null when it is not. */
    public static String digitsProblem(BigInteger value) {
        int digits = value.abs().toString().length();
        if (digits <= PYTHON_INT_DIGITS) {
            return null;
        }
        return "an integer may have at most " + PYTHON_INT_DIGITS + " digits (Python's sys.int_max_str_digits), this one has "
                + digits;
    }

    /** A closed range of whole numbers, with the unit its messages show. */
    public record Range(long min, long max, String unit) {

        public boolean contains(long value) {
            return value >= min && value <= max;
        }

        /** Why {@code value}, which may not even fit a long, is refused; null when it is in range. */
        public String problem(BigInteger value) {
            if (value.bitLength() < Long.SIZE) {
                return problem(value.longValue());
            }
            return outside(value.signum() < 0, value.toString());
        }

        /** Why {@code value} is refused, or null when it is in range. */
        public String problem(long value) {
            if (contains(value)) {
                return null;
            }
            return outside(value < min, Long.toString(value));
        }

        private String outside(boolean below, String value) {
            if (max == Integer.MAX_VALUE) {
                return below ? "must be at least " + min + unit + ", got " + value
                        : "must be at most " + max + unit + ", got " + value;
            }
            return "must be between " + min + " and " + max + unit + ", got " + value;
        }
    }
}
