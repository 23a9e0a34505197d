package io.threadstage.picture;

/**
 * The stage's colour slots. Each is a looked-up colour of the stylesheet, named
 * {@code -ts-<css>} (e.g. {@code -ts-running}), so a theme is one stylesheet. Frames are built
 * in inks and painted in colours, ink by ink in declaration order (so later inks lie on top).
 * Immutable; any thread.
 */
public enum Ink {
    BACKGROUND("background"),
    LANE_ALTERNATE("lane-alternate"),
    GRID("grid"),
    CREATED("created"),
    RUNNING("running"),
    SLEEP("sleep"),
    IO("io"),
    LOCK("lock"),
    JOIN("join"),
    QUEUE("queue"),
    EVENT("event"),
    FUTURE("future"),
    GIL_WAIT("gil-wait"),
    IDLE("idle"),
    PAUSED("paused"),
    TERMINATED("terminated"),
    EXCEPTION("exception"),
    KILLED("killed"),
    STOPPED("stopped"),
    STRIPE_LIGHT("stripe-light"),
    STRIPE_DARK("stripe-dark"),
    MIXED("mixed"),
    QUEUE_FILL("queue-fill"),
    QUEUE_FULL("queue-full"),
    QUEUE_MAX("queue-max"),
    COUNTER_FILL("counter-fill"),
    COUNTER_LINE("counter-line"),
    OWNER_0("owner-0"),
    OWNER_1("owner-1"),
    OWNER_2("owner-2"),
    OWNER_3("owner-3"),
    /** The stripe under a lane while its thread holds a lock, cycling by lock. */
    LOCK_HELD_0("lock-held-0"),
    LOCK_HELD_1("lock-held-1"),
    LOCK_HELD_2("lock-held-2"),
    LOCK_HELD_3("lock-held-3"),
    BADGE("badge"),
    CAPTION("caption"),
    ARROW_FEED("arrow-feed"),
    ARROW_SIGNAL("arrow-signal"),
    ARROW_LOCK("arrow-lock"),
    ARROW_JOIN("arrow-join"),
    NOW("now"),
    LABEL_BACKGROUND("label-background"),
    MARKER_PRINT("marker-print"),
    MARKER_ERROR("marker-error"),
    MARKER_RUNTIME("marker-runtime"),
    /** The arrows of a deadlock's cycle: on top of everything but text, so the cycle reads first. */
    ARROW_DEADLOCK("arrow-deadlock"),
    TEXT("text"),
    TEXT_MUTED("text-muted"),
    TEXT_ON_BADGE("text-on-badge"),
    TEXT_ON_BAR("text-on-bar"),
    TEXT_ON_OWNER("text-on-owner"),
    TEXT_ON_LOCK("text-on-lock");

    /** How many colours the lock stripes cycle through. */
    public static final int LOCK_COLORS = 4;

    public static final int COUNT = values().length;

    private final String css;

    Ink(String css) {
        this.css = css;
    }

    /** The looked-up colour's name without the leading {@code -ts-}. */
    public String css() {
        return css;
    }

    public String lookedUpName() {
        return "-ts-" + css;
    }

    /** {@code values()} copies its array at each call; a frame asks per lane and per lock stripe. */
    private static final Ink[] ALL = values();

    public static Ink owner(int lane) {
        return ALL[OWNER_0.ordinal() + Math.floorMod(lane, 4)];
    }

    /** The colour of lock {@code lock} (a {@code TraceStore.lockName} index). */
    public static Ink held(int lock) {
        return ALL[LOCK_HELD_0.ordinal() + Math.floorMod(lock, LOCK_COLORS)];
    }
}
