package io.threadstage.app;

import io.threadstage.export.ClipPlan;
import io.threadstage.export.ClipSettings;
import io.threadstage.export.VideoPlan;
import io.threadstage.export.PngPicture;
import io.threadstage.io.TraceFileException;
import io.threadstage.trace.TraceHeader;
import io.threadstage.trace.TraceStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code threadstage render TRACE.jsonl --png OUT.png [--width W --height H]}: draws a recorded
 * trace as the stage shows it, with no display. Extensions: {@code --gif OUT.gif} and
 * {@code --mp4 OUT.mp4} ({@code [--fps N] [--speed X]}) write a clip, an animated GIF or an
 * H.264 video, that replays the trace (with or instead of the PNG). Exit 0, or 2 on bad input
 * (named in the message).
 */
final class RenderCommand implements Subcommand {

    static final int DEFAULT_WIDTH = 1920;
    static final int DEFAULT_HEIGHT = 1080;
    static final int MAX_SIDE = 8192;
    private static final String USAGE = "usage: threadstage render TRACE.jsonl|RECORDING.jfr --png OUT.png [--width W --height H]"
            + " | --gif OUT.gif | --mp4 OUT.mp4 [--width W --height H] [--fps N] [--speed X]; a recording: [--all-threads]";

    @Override
    public String usage() {
        return USAGE.substring("usage: ".length());
    }
    private static final java.util.Set<String> VALUED = java.util.Set.of("--png", "--gif", "--mp4", "--width", "--height",
            "--fps", "--speed");

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        String trace = null;
        String png = null;
        String gif = null;
        String mp4 = null;
        Integer width = null;
        Integer height = null;
        Integer fps = null;
        Double speed = null;
        boolean allThreads = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (VALUED.contains(arg)) {
                if (i + 1 >= args.size()) {
                    err.println("render: " + arg + " needs a value");
                    err.println(USAGE);
                    return 2;
                }
                String value = args.get(++i);
                try {
                    switch (arg) {
                        case "--png" -> png = value;
                        case "--gif" -> gif = value;
                        case "--mp4" -> mp4 = value;
                        case "--width" -> width = parseSize(arg, value);
                        case "--height" -> height = parseSize(arg, value);
                        case "--fps" -> fps = ClipOptions.fps(arg, value, VideoPlan.MAX_FPS);
                        default -> speed = ClipOptions.speed(arg, value);
                    }
                } catch (IllegalArgumentException bad) {
                    err.println("render: " + bad.getMessage());
                    return 2;
                }
            } else if (arg.equals("--all-threads")) {
                allThreads = true;
            } else if (arg.startsWith("--")) {
                err.println("render: unknown option " + arg);
                err.println(USAGE);
                return 2;
            } else if (trace == null) {
                trace = arg;
            } else {
                err.println("render: one trace at a time, got " + trace + " and " + arg);
                err.println(USAGE);
                return 2;
            }
        }
        if (trace == null || png == null && gif == null && mp4 == null) {
            err.println(trace == null ? "render: which trace? (a .jsonl file, or a .jfr recording)"
                    : "render: --png OUT.png, --gif OUT.gif or --mp4 OUT.mp4 is required");
            err.println(USAGE);
            return 2;
        }
        if (gif == null && mp4 == null && (fps != null || speed != null)) {
            err.println("render: " + (fps != null ? "--fps" : "--speed")
                    + " only applies to a clip: add --gif OUT.gif or --mp4 OUT.mp4");
            return 2;
        }
        if (gif != null && fps != null && fps > ClipPlan.MAX_FPS) {
            err.println("render: --fps must be a whole number of frames a second from " + ClipPlan.MIN_FPS + " to "
                    + ClipPlan.MAX_FPS + ", not " + fps);
            return 2;
        }
        if (mp4 != null && ((width != null && width % 2 != 0) || (height != null && height % 2 != 0))) {
            err.println("render: a video's " + (width != null && width % 2 != 0 ? "--width" : "--height")
                    + " must be even (H.264 keeps colour per 2x2 block), not "
                    + (width != null && width % 2 != 0 ? width : height));
            return 2;
        }
        String unwritable = new Outputs(trace, "the trace being drawn").add("--png", png).add("--gif", gif)
                .add("--mp4", mp4).problem();
        if (unwritable != null) {
            err.println(unwritable);
            return 2;
        }
        // streamed into the stage's columns: a trace of any size, no list of its events
        TraceStore store = new TraceStore();
        TraceHeader header;
        try {
            header = TraceInput.read(trace, allThreads, store::append);
        } catch (TraceFileException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (png != null) {
            try {
                PngPicture.writePng(header, store, Path.of(png),
                        width == null ? DEFAULT_WIDTH : width, height == null ? DEFAULT_HEIGHT : height, null);
            } catch (IOException e) {
                err.println(png + ": cannot write: " + e.getMessage());
                return 2;
            }
        }
        if (gif != null) {
            ClipSettings settings = ClipSettings.of(width == null ? ClipSettings.DEFAULT_WIDTH : width,
                    height == null ? ClipSettings.DEFAULT_HEIGHT : height,
                    fps == null ? ClipSettings.DEFAULT_FPS : fps, speed == null ? 1 : speed);
            if (!ClipOptions.writeGif(header, store, gif, settings, "render", err)) {
                return 2;
            }
        }
        if (mp4 != null) {
            ClipSettings settings = ClipSettings.of(width == null ? VideoPlan.DEFAULT_WIDTH : width,
                    height == null ? VideoPlan.DEFAULT_HEIGHT : height,
                    fps == null ? VideoPlan.DEFAULT_FPS : fps, speed == null ? 1 : speed);
            return ClipOptions.writeMp4(header, store, mp4, settings, "render", err) ? 0 : 2;
        }
        return 0;
    }

    /** A side of a picture from the command line, within 320 (width) or 200 (height) to {@link #MAX_SIDE}. */
    static int parseSize(String option, String value) {
        try {
            int size = Integer.parseInt(value);
            int min = option.equals("--width") ? 320 : 200;
            if (size >= min && size <= MAX_SIDE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a whole number of pixels (width from 320, height from 200)"
                + " up to " + MAX_SIDE + ", not " + value);
    }
}
