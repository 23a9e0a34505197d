package io.threadstage.picture;

import io.threadstage.trace.Reason;
import io.threadstage.trace.StateCode;
import io.threadstage.trace.ThreadState;

/**
 * How one state code is drawn in a lane: its ink, the share of the lane's height its bar takes
 * (running is full height, waiting shorter, created and terminated thin, so the shape tells the
 * state even without colour) and an optional stripe through the bar for reasons that share a
 * hue. Immutable; any thread.
 */
public record StateLook(Ink ink, double height, Ink stripe, String label) {

    public static final double RUNNING_HEIGHT = 1.0;
    public static final double WAITING_HEIGHT = 0.62;
    public static final double THIN_HEIGHT = 0.22;

    private static final StateLook[] LOOKS = new StateLook[StateCode.LIMIT];

    static {
        for (ThreadState state : ThreadState.values()) {
            for (Reason reason : Reason.values()) {
                LOOKS[StateCode.of(state, reason)] = compute(state, reason);
            }
        }
    }

    public static StateLook of(int code) {
        return LOOKS[code];
    }

    private static StateLook compute(ThreadState state, Reason reason) {
        if (state == ThreadState.CREATED) {
            return new StateLook(Ink.CREATED, THIN_HEIGHT, null, "created");
        }
        if (state == ThreadState.RUNNING) {
            return new StateLook(Ink.RUNNING, RUNNING_HEIGHT, null, "running");
        }
        if (state == ThreadState.TERMINATED) {
            Ink ink = reason == Reason.EXCEPTION ? Ink.EXCEPTION : reason == Reason.KILLED_AT_EXIT ? Ink.KILLED
                    : reason == Reason.STOPPED ? Ink.STOPPED : Ink.TERMINATED;
            String label = reason == Reason.NONE ? "ended" : "ended: " + reason.json().replace('_', ' ');
            return new StateLook(ink, 0, null, label);
        }
        switch (reason) {
            case SLEEP: return waiting(Ink.SLEEP, null, "sleep");
            case IO: return waiting(Ink.IO, null, "I/O");
            case LOCK: return waiting(Ink.LOCK, null, "lock");
            case JOIN: return waiting(Ink.JOIN, null, "join");
            case QUEUE_GET: return waiting(Ink.QUEUE, null, "queue get");
            case QUEUE_PUT: return waiting(Ink.QUEUE, Ink.STRIPE_LIGHT, "queue put");
            case QUEUE_JOIN: return waiting(Ink.QUEUE, Ink.STRIPE_DARK, "queue join");
            case EVENT: return waiting(Ink.EVENT, null, "event");
            case FUTURE: return waiting(Ink.FUTURE, Ink.STRIPE_DARK, "future");
            case GIL: return waiting(Ink.GIL_WAIT, Ink.STRIPE_LIGHT, "GIL");
            case IDLE: return waiting(Ink.IDLE, null, "idle (pool)");
            case PAUSED: return waiting(Ink.PAUSED, Ink.STRIPE_LIGHT, "paused");
            default: return waiting(Ink.PAUSED, null, "waiting");
        }
    }

    private static StateLook waiting(Ink ink, Ink stripe, String label) {
        return new StateLook(ink, WAITING_HEIGHT, stripe, label);
    }

    public boolean terminated() {
        return height == 0;
    }
}
