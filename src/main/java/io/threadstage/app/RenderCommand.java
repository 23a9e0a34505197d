package io.threadstage.app;

import io.threadstage.io.TraceFile;
import io.threadstage.io.TraceFileException;
import io.threadstage.io.TraceReader;
import io.threadstage.ui.stage.StagePicture;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code threadstage render TRACE.jsonl --png OUT.png [--width W --height H]}: draws a recorded
 * trace as the stage shows it, with no display. Exit 0, or 2 on bad input (named in the message).
 */
final class RenderCommand implements Subcommand {

    static final int DEFAULT_WIDTH = 1920;
    static final int DEFAULT_HEIGHT = 1080;
    static final int MAX_SIDE = 8192;
    private static final String USAGE = "usage: threadstage render TRACE.jsonl --png OUT.png [--width W --height H]";

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        String trace = null;
        String png = null;
        int width = DEFAULT_WIDTH;
        int height = DEFAULT_HEIGHT;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--png") || arg.equals("--width") || arg.equals("--height")) {
                if (i + 1 >= args.size()) {
                    err.println("render: " + arg + " needs a value");
                    err.println(USAGE);
                    return 2;
                }
                String value = args.get(++i);
                if (arg.equals("--png")) {
                    png = value;
                    continue;
                }
                int size = parseSize(arg, value, err);
                if (size < 0) {
                    return 2;
                }
                if (arg.equals("--width")) {
                    width = size;
                } else {
                    height = size;
                }
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
        if (trace == null || png == null) {
            err.println(trace == null ? "render: which trace? (a .jsonl file)" : "render: --png OUT.png is required");
            err.println(USAGE);
            return 2;
        }
        Path output = Path.of(png);
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            err.println(png + ": cannot write: no such directory " + parent);
            return 2;
        }
        TraceFile file;
        try {
            file = new TraceReader().read(Path.of(trace));
        } catch (TraceFileException e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            Path partial = output.resolveSibling(output.getFileName() + ".part");
            StagePicture.writePng(file.header(), file.events(), partial, width, height);
            Files.move(partial, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            err.println(png + ": cannot write: " + e.getMessage());
            return 2;
        }
        return 0;
    }

    private static int parseSize(String option, String value, PrintStream err) {
        try {
            int size = Integer.parseInt(value);
            int min = option.equals("--width") ? 320 : 200;
            if (size >= min && size <= MAX_SIDE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        err.println("render: " + option + " must be a whole number of pixels (width from 320, height from 200) up to " + MAX_SIDE + ", not " + value);
        return -1;
    }
}
