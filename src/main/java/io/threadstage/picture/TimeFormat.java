package io.threadstage.picture;

import java.util.Locale;

/** Tick steps and texts for the time axis and the hover: seconds, milliseconds, microseconds. Stateless; any thread. */
public final class TimeFormat {

    private TimeFormat() {
    }

    /** The smallest 1-2-5 step of at least {@code minNanos}. */
    public static long step(long minNanos) {
        long step = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (step * factor >= minNanos) {
                    return step * factor;
                }
            }
            if (step > Long.MAX_VALUE / 100) {
                return step;
            }
            step *= 10;
        }
    }

    /** A tick's text: the unit follows the window's span, the decimals the step. */
    public static String tick(long nanos, long stepNanos, long spanNanos) {
        long unit = spanNanos >= 1_000_000_000L ? 1_000_000_000L : spanNanos >= 1_000_000L ? 1_000_000L
                : spanNanos >= 1_000L ? 1_000L : 1L;
        int decimals = 0;
        long probe = stepNanos;
        while (probe < unit && decimals < 9) {
            probe *= 10;
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f %s", (double) nanos / unit, unitName(unit));
    }

    /** A duration or instant for people: "1.250 s", "12.500 ms", "350 µs", "80 ns". */
    public static String human(long nanos) {
        long magnitude = Math.abs(nanos);
        if (magnitude >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
        }
        if (magnitude >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
        }
        if (magnitude >= 1_000L) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        return nanos + " ns";
    }

    private static String unitName(long unit) {
        return unit == 1_000_000_000L ? "s" : unit == 1_000_000L ? "ms" : unit == 1_000L ? "µs" : "ns";
    }
}
