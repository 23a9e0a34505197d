package io.threadstage.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The machine's {@code python3}, run on generated programs: the judge of what ThreadStage prints. */
public final class CPython {

    /** What one program printed, line by line, and how it exited ({@code -1}: killed at the time limit). */
    public record Outcome(int exitCode, List<String> stdout, List<String> stderr) {

        /**
         * The stderr lines that do not depend on file paths and line numbers: the
         * {@code Exception in thread NAME:} headers, the final {@code Type: message} lines and
         * custom excepthook lines; traceback frames and their source lines are dropped.
         */
        public List<String> stderrWithoutFrames() {
            return withoutFrames(stderr);
        }
    }

    private CPython() {
    }

    public static List<String> withoutFrames(List<String> stderr) {
        List<String> kept = new ArrayList<>();
        for (String line : stderr) {
            if (line.isBlank() || line.startsWith(" ") || line.startsWith("\t")
                    || line.equals("Traceback (most recent call last):")) {
                continue;
            }
            kept.add(line);
        }
        return kept;
    }

    /** {@code python3} on the PATH, if any. */
    public static Optional<Path> find() {
        String pathVariable = System.getenv("PATH");
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String folder : pathVariable.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(folder, "python3");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Starts {@code python3 ARGS} in a fresh temporary folder; call {@link Running#await} for the outcome. */
    public static Running start(Path python, List<String> args) {
        try {
            Path folder = Files.createTempDirectory("threadstage-python");
            Path out = folder.resolve("stdout.txt");
            Path err = folder.resolve("stderr.txt");
            List<String> command = new ArrayList<>();
            command.add(python.toString());
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("PYTHONIOENCODING", "utf-8");
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            return new Running(builder.start(), folder, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a program given as source text. */
    public static Running startProgram(Path python, String source) {
        return start(python, List.of(write(source).toString()));
    }

    /**
     * Compiles programs given as source text, without running them, in one python3 process.
     *
     * @return for each program, in order, null when it compiles, else the compiler's message
     */
    public static List<String> compileAll(Path python, List<String> sources) {
        String compile = "import py_compile, sys\n"
                + "for path in sys.argv[1:]:\n"
                + "    try:\n"
                + "        py_compile.compile(path, cfile=path + 'c', doraise=True)\n"
                + "        print('ok')\n"
                + "    except py_compile.PyCompileError as error:\n"
                + "        print(' '.join(str(error).split()))\n";
        List<String> args = new ArrayList<>(List.of("-c", compile));
        for (String source : sources) {
            args.add(write(source).toString());
        }
        Outcome outcome = start(python, args).await(Duration.ofSeconds(60));
        if (outcome.exitCode() != 0 || outcome.stdout().size() != sources.size()) {
            throw new IllegalStateException("python3 could not compile: " + outcome);
        }
        List<String> problems = new ArrayList<>();
        for (String line : outcome.stdout()) {
            problems.add(line.equals("ok") ? null : line);
        }
        return problems;
    }

    private static Path write(String source) {
        try {
            Path file = Files.createTempFile("threadstage-", ".py");
            file.toFile().deleteOnExit();
            Path compiled = Path.of(file + "c");
            compiled.toFile().deleteOnExit();
            Files.writeString(file, source, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A python3 process that was started. */
    public static final class Running {
        private final Process process;
        private final Path folder;
        private final Path out;
        private final Path err;

        private Running(Process process, Path folder, Path out, Path err) {
            this.process = process;
            this.folder = folder;
            this.out = out;
            this.err = err;
        }

        public Outcome await(Duration limit) {
            try {
                boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
                if (!ended) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                Outcome outcome = new Outcome(ended ? process.exitValue() : -1,
                        Files.readAllLines(out, StandardCharsets.UTF_8), Files.readAllLines(err, StandardCharsets.UTF_8));
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
                Files.deleteIfExists(folder);
                return outcome;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while python3 ran", e);
            }
        }
    }
}
