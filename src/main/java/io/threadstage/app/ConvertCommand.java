package io.threadstage.app;

import io.threadstage.io.ChromeTraceWriter;
import io.threadstage.io.TraceFileException;
import io.threadstage.io.TraceWriter;
import io.threadstage.jfr.JavaRecording;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code threadstage convert RECORDING.jfr [--trace OUT.jsonl] [--chrome OUT.json] [--all-threads]}:
 * writes a Java program's recording as a trace and/or a Chrome trace, through the writers a run
 * uses. Prints one line saying what it kept. Exit 0, or 2 on bad input (named in the message).
 */
final class ConvertCommand implements Subcommand {

    private static final String USAGE = "usage: threadstage convert RECORDING.jfr [--trace OUT.jsonl]"
            + " [--chrome OUT.json] [--all-threads]";

    @Override
    public String usage() {
        return USAGE.substring("usage: ".length());
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        String recording = null;
        String trace = null;
        String chrome = null;
        boolean allThreads = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--trace") || arg.equals("--chrome")) {
                if (i + 1 >= args.size()) {
                    err.println("convert: " + arg + " needs a value");
                    err.println(USAGE);
                    return RunCommand.BAD_INPUT;
                }
                if (arg.equals("--trace")) {
                    trace = args.get(++i);
                } else {
                    chrome = args.get(++i);
                }
            } else if (arg.equals("--all-threads")) {
                allThreads = true;
            } else if (arg.startsWith("--") || recording != null) {
                err.println("convert: unexpected argument " + arg);
                err.println(USAGE);
                return RunCommand.BAD_INPUT;
            } else {
                recording = arg;
            }
        }
        if (recording == null || trace == null && chrome == null) {
            err.println(recording == null ? "convert: which recording? (a .jfr file)"
                    : "convert: --trace OUT.jsonl or --chrome OUT.json is required");
            err.println(USAGE);
            return RunCommand.BAD_INPUT;
        }
        String unwritable = new Outputs(recording, "the recording being converted").add("--trace", trace)
                .add("--chrome", chrome).problem();
        if (unwritable != null) {
            err.println(unwritable);
            return RunCommand.BAD_INPUT;
        }
        JavaRecording read;
        try {
            read = JavaRecording.read(Path.of(recording), allThreads);
        } catch (TraceFileException bad) {
            err.println(bad.getMessage());
            return RunCommand.BAD_INPUT;
        }
        if (!write(read, trace, chrome, err)) {
            return RunCommand.BAD_INPUT;
        }
        out.println(summary(recording, read));
        return 0;
    }

    /** Writes the trace and the Chrome trace asked for (null: not asked); false after saying why one failed. */
    static boolean write(JavaRecording recording, String trace, String chrome, PrintStream err) {
        String current = trace;
        try {
            if (trace != null) {
                TraceWriter.write(Path.of(trace), recording.header(), recording.events());
            }
            current = chrome;
            if (chrome != null) {
                ChromeTraceWriter.write(Path.of(chrome), recording.header(), recording.events());
            }
            return true;
        } catch (IOException | RuntimeException failed) {
            err.println(current + ": cannot write: " + failed.getMessage());
            return false;
        }
    }

    /** {@code FILE: 6 threads, 2 of the JVM's own hidden (--all-threads shows them); outcome completed}. */
    static String summary(String file, JavaRecording recording) {
        String hidden = recording.hiddenThreadCount() == 0 ? ""
                : ", " + recording.hiddenThreadCount() + " of the JVM's own hidden (--all-threads shows them)";
        String outcome = recording.outcomeMessage() == null ? recording.outcome().json()
                : recording.outcome().json() + ": " + recording.outcomeMessage();
        return file + ": " + recording.laneCount() + " threads" + hidden + "; " + outcome;
    }
}
