package io.threadstage.picture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The colour of each {@link Ink} as opaque RGB ({@code 0xRRGGBB}), with no toolkit: what the
 * pictures and clips paint with. The two stage stylesheets are read as plain text, so a file
 * gets the same colours the window's CSS gives its canvas, and a theme stays one stylesheet. A
 * colour the stylesheet does not define is the built-in Okabe–Ito default. Immutable; any thread.
 */
public final class StageColours {

    /** The stage's stylesheets, as resources: the window loads them, pictures read their colours. */
    public static final String DEFAULT_STYLESHEET = "/assets/css/stage.css";
    public static final String HIGH_CONTRAST_STYLESHEET = "/assets/css/stage-high-contrast.css";

    /** One {@code -ts-name: #rrggbb;} declaration: the only form the stage's stylesheets use. */
    private static final Pattern DECLARATION = Pattern.compile("(-ts-[a-z0-9-]+)\\s*:\\s*#([0-9a-fA-F]{6})\\s*;");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    private static final StageColours BUILT_IN = builtIn();
    private static final StageColours STYLED = fromStylesheet(read(DEFAULT_STYLESHEET));
    private static final StageColours HIGH_CONTRAST = fromStylesheet(read(HIGH_CONTRAST_STYLESHEET));

    private final int[] rgb;

    private StageColours(int[] rgb) {
        this.rgb = rgb;
    }

    /** The colours of the default stylesheet, as the window shows them. */
    public static StageColours defaults() {
        return STYLED;
    }

    /** The colours of the high-contrast stylesheet (saturated hues on black, for projectors). */
    public static StageColours highContrast() {
        return HIGH_CONTRAST;
    }

    public static StageColours of(boolean highContrast) {
        return highContrast ? HIGH_CONTRAST : STYLED;
    }

    /** The colours a stylesheet's text declares, the built-in default for any it leaves out. */
    public static StageColours fromStylesheet(String css) {
        int[] rgb = BUILT_IN.rgb.clone();
        Matcher declaration = DECLARATION.matcher(COMMENT.matcher(css).replaceAll(""));
        while (declaration.find()) {
            for (Ink ink : Ink.values()) {
                if (ink.lookedUpName().equals(declaration.group(1))) {
                    rgb[ink.ordinal()] = Integer.parseInt(declaration.group(2), 16);
                }
            }
        }
        return new StageColours(rgb);
    }

    /** Colours given outright, {@code 0xRRGGBB} by ink ordinal (the window's, read from its CSS). */
    public static StageColours of(int[] rgbByInk) {
        if (rgbByInk.length != Ink.COUNT) {
            throw new IllegalArgumentException(Ink.COUNT + " colours needed, not " + rgbByInk.length);
        }
        int[] rgb = new int[Ink.COUNT];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = rgbByInk[i] & 0xFFFFFF;
        }
        return new StageColours(rgb);
    }

    /** {@code ink}'s colour as {@code 0xRRGGBB}. */
    public int rgb(Ink ink) {
        return rgb[ink.ordinal()];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StageColours colours && Arrays.equals(rgb, colours.rgb);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rgb);
    }

    private static String read(String resource) {
        try (InputStream in = StageColours.class.getResourceAsStream(resource)) {
            // a build without the stylesheets still draws, in the built-in colours
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The built-in default: Okabe–Ito hues (Wong 2011) on white, as the default stylesheet has them. */
    private static StageColours builtIn() {
        int[] rgb = new int[Ink.COUNT];
        for (Ink ink : Ink.values()) {
            rgb[ink.ordinal()] = Integer.parseInt(defaultHex(ink).substring(1), 16);
        }
        return new StageColours(rgb);
    }

    private static String defaultHex(Ink ink) {
        switch (ink) {
            case BACKGROUND: return "#ffffff";
            case LANE_ALTERNATE: return "#f2f2f2";
            case GRID: return "#d9d9d9";
            case CREATED: return "#5f6b7a";
            case RUNNING: return "#009e73";
            case SLEEP: return "#56b4e9";
            case IO: return "#cc79a7";
            case LOCK: return "#d55e00";
            case JOIN: return "#e69f00";
            case QUEUE: return "#0072b2";
            case EVENT: return "#f0e442";
            case FUTURE: return "#f3c66b";
            case GIL_WAIT: return "#ec9b6b";
            case IDLE: return "#c4c4c4";
            case PAUSED: return "#8c8c8c";
            case TERMINATED: return "#b3b3b3";
            case EXCEPTION: return "#d55e00";
            case KILLED: return "#000000";
            case STOPPED: return "#595959";
            case STRIPE_LIGHT: return "#ffffff";
            case STRIPE_DARK: return "#1a1a1a";
            case MIXED: return "#333333";
            case QUEUE_FILL: return "#56b4e9";
            case QUEUE_FULL: return "#0072b2";
            case COUNTER_FILL: return "#f2d7e7";
            case COUNTER_LINE: return "#882255";
            case QUEUE_MAX: return "#1a1a1a";
            case OWNER_0: return "#b8a6d9";
            case OWNER_1: return "#98aec4";
            case OWNER_2: return "#c8bc8c";
            case OWNER_3: return "#8fbfb3";
            case LOCK_HELD_0: return "#332288";
            case LOCK_HELD_1: return "#882255";
            case LOCK_HELD_2: return "#8c510a";
            case LOCK_HELD_3: return "#117733";
            case BADGE: return "#0072b2";
            case CAPTION: return "#595959";
            case ARROW_FEED: return "#0072b2";
            case ARROW_SIGNAL: return "#7a6a00";
            case ARROW_LOCK: return "#a84a00";
            case ARROW_JOIN: return "#1a1a1a";
            case NOW: return "#1a1a1a";
            case LABEL_BACKGROUND: return "#ffffff";
            case MARKER_PRINT: return "#1a1a1a";
            case MARKER_ERROR: return "#d55e00";
            case MARKER_RUNTIME: return "#cc79a7";
            case ARROW_DEADLOCK: return "#9c0060";
            case TEXT: return "#1a1a1a";
            case TEXT_MUTED: return "#4d4d4d";
            case TEXT_ON_BADGE: return "#ffffff";
            case TEXT_ON_BAR: return "#ffffff";
            case TEXT_ON_OWNER: return "#1a1a1a";
            case TEXT_ON_LOCK: return "#ffffff";
            default: return "#ff00ff";
        }
    }
}
