package io.threadstage.model;

/**
 * Run settings of a scenario.
 *
 * @param gil              CPython 3.11 with its global interpreter lock (the default); false: a
 *                         free-threaded build (3.13t), whose threads run Python at once
 * @param switchIntervalMs like {@code sys.setswitchinterval}, 1..1000
 * @param speed            wall-clock factor: a step of {@code ms} lasts {@code ms / speed}, 0.05..20
 * @param excepthook       how uncaught exceptions in threads are reported
 */
public record Settings(boolean gil, int switchIntervalMs, double speed, Excepthook excepthook) {

    public static final Settings DEFAULT = new Settings(true, 5, 1.0, Excepthook.DEFAULT);

    public enum Excepthook {
        /** CPython's {@code Exception in thread NAME:} report with a traceback. */
        DEFAULT("default"),
        /** One line {@code [excepthook] NAME: Type: message}, as a handler set on threading.excepthook prints. */
        CUSTOM("custom");

        private final String json;

        Excepthook(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    public Settings withGil(boolean on) {
        return new Settings(on, switchIntervalMs, speed, excepthook);
    }

    public Settings withSpeed(double factor) {
        return new Settings(gil, switchIntervalMs, factor, excepthook);
    }
}
