package io.threadstage.ui.run;

import io.threadstage.core.RunOptions;
import io.threadstage.core.ScenarioRun;
import io.threadstage.io.PythonGenerator;
import io.threadstage.io.PythonSource;
import io.threadstage.model.Scenario;
import io.threadstage.trace.EventCursor;
import io.threadstage.trace.LiveRun;
import io.threadstage.trace.Outcome;
import io.threadstage.pytrace.PythonLaunch;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import io.threadstage.ui.editor.CodeView;
import io.threadstage.ui.stage.StageMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's run, as state and commands without a single {@code Node}, so plain JUnit tests
 * drive it: {@code running}, {@code status}, the console's lines, the code view's thread marks
 * and what the stage shows ({@link StageMode}); run, pause, step, stop, replay, open, save and
 * export a trace.
 *
 * <p>Owns at most one run: starts it on a fresh recorder, pauses, resumes and stops it without
 * ever waiting for it. {@link #pulse()} is the window's one reader of the run: once a frame it
 * takes the events recorded since the last frame, in place, and hands each to the stage's store,
 * the thread marks, the console and the end check. Starting a run stops the previous one first,
 * and the previous one's late events go nowhere.
 *
 * <p>Thread: the FX thread (or a test's thread, consistently); file work goes through
 * {@link FileWork}, whose results come back on that thread.
 */
public final class RunViewModel {

    /** Events taken per pulse at most, so a burst never stalls a frame. */
    static final int EVENTS_PER_PULSE = 200_000;
    /** The console's oldest lines go once there are more than this many. */
    public static final int MAX_CONSOLE_LINES = 20_000;

    private final FileWork files;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyBooleanWrapper steppable = new ReadOnlyBooleanWrapper(this, "steppable", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableList<ConsoleLine> console = FXCollections.observableArrayList();
    private WarmUp warmUp;
    private final ReadOnlyObjectWrapper<Map<Integer, List<CodeView.ThreadMark>>> threadMarks =
            new ReadOnlyObjectWrapper<>(this, "threadMarks", Map.of());
    private final ReadOnlyObjectWrapper<StageMode> stageMode = new ReadOnlyObjectWrapper<>(this, "stageMode");
    private final ReadOnlyObjectWrapper<ProgramText> program = new ReadOnlyObjectWrapper<>(this, "program", null);
    /** The java command line of the Java program recorded live or last recorded, while the stage shows it; else null. */
    private final ReadOnlyStringWrapper javaCommand = new ReadOnlyStringWrapper(this, "javaCommand", null);
    private final ReadOnlyObjectWrapper<Scenario> runScenario = new ReadOnlyObjectWrapper<>(this, "runScenario", null);
    private final ReadOnlyStringWrapper openedTitle = new ReadOnlyStringWrapper(this, "openedTitle", null);
    /** The Java recording ({@code .jfr}) the stage shows as an opened file, else null. */
    private final ReadOnlyObjectWrapper<Path> openedRecording = new ReadOnlyObjectWrapper<>(this, "openedRecording", null);
    private final ReadOnlyObjectWrapper<Complaint> complaint = new ReadOnlyObjectWrapper<>(this, "complaint", null);
    private final ThreadLines threadLines = new ThreadLines();
    private final List<ConsoleLine> newLines = new ArrayList<>();
    private final TraceRoom traceRoom = new TraceRoom();
    /** The events a run may record; 0: as many as the JVM's memory allows ({@link TraceRecorder#memoryCapacity()}). */
    private long traceCap;

    /** The run going on or last run, whatever kind: the window drives each the same way. */
    private LiveRun run;
    private TraceRecorder recorder;
    /** The store of what the stage shows: the live run's, the opened trace's, or an empty one before either. */
    private TraceStore store = new TraceStore();
    private PythonSource source;
    /** The trace file the stage shows, null when it shows a run (or nothing). */
    private Path openedFile;
    /** The recording file of the Java program recorded live that the stage shows, null for any other run. */
    private Path liveRecording;
    /**
     * Whether a Java program's lanes include the JVM's own threads (the compiler's, the collector's,
     * "Signal Dispatcher"...), hidden by default since a lesson is about the program's threads.
     */
    private final BooleanProperty jvmThreadsShown = new SimpleBooleanProperty(this, "jvmThreadsShown", false);
    /** Where a thread's {@code step} event puts it in the code view: the generated Python's line, or the program's. */
    private IntFunction<OptionalInt> lineOf = step -> OptionalInt.empty();
    /** Counts the starts asked for, so a program that started after another start was asked for is stopped unseen. */
    private long starts;
    private String python = PythonLaunch.DEFAULT_PYTHON;
    private long readSeq;
    private long endNanos = -1;
    private Outcome endOutcome;
    private String endMessage;
    private Map<Integer, List<CodeView.ThreadMark>> lastMarks = Map.of();

    public RunViewModel(FileWork files) {
        this.files = files;
        stageMode.set(new StageMode.WholeRun(store));
        jvmThreadsShown.addListener((property, was, now) -> showRecordingAgain());
    }

    // ---- commands

    /** Stops whatever runs and starts {@code scenario} at {@code speed} times its settings' pace. */
    public void run(Scenario scenario, double speed) {
        run(scenario, generate(scenario), speed);
    }

    /**
     * As {@link #run(Scenario, double)}, with the scenario's Python already written ({@code null}
     * when the generator could not write it): its lines are where the code view marks the threads.
     */
    public void run(Scenario scenario, PythonSource python, double speed) {
        stop();
        starts++;
        source = python;
        PythonSource generated = source;
        lineOf = step -> generated == null ? OptionalInt.empty() : generated.lineOf(step);
        program.set(null);
        RunOptions options = new RunOptions(speed, null, RunOptions.DEFAULT_MAX_THREADS,
                source == null ? Map.of() : source.stepLines());
        TraceRecorder fresh = new TraceRecorder(ScenarioRun.header(scenario, options, Instant.now()),
                traceCap > 0 ? traceCap : TraceRecorder.memoryCapacity());
        runScenario.set(scenario);
        begin(fresh, ScenarioRun.start(scenario, options, fresh));
    }

    /**
     * Stops whatever runs and runs {@code file} on the machine's CPython, traced live: the lanes grow as
     * it runs, the code view shows its text with each thread's line, the console its output. The file
     * is read and the process started on the file thread; what cannot be run (no such file, no
     * interpreter) is said in a complaint and leaves the window as it was.
     */
    public void runProgram(Path file) {
        stop();
        long ticket = ++starts;
        String name = file.getFileName().toString();
        status.set("starting " + name);
        String interpreter = python;
        files.submit(() -> ProgramStart.start(interpreter, file), started -> {
            if (ticket != starts) {
                // another run was asked for while this one started: it is never shown
                started.run().stop();
                return;
            }
            source = null;
            lineOf = started.program()::lineOf;
            runScenario.set(null);
            begin(started.recorder(), started.run());
            program.set(started.program());
        }, failure -> {
            if (ticket == starts && !isRunning()) {
                status.set("");
            }
            complain(new Complaint("Cannot run " + name, failure.getMessage()));
        });
    }

    /**
     * Stops whatever runs and records a Java program live: {@code commandLine} is the {@code java}
     * command that runs it, as typed ({@code java -jar app.jar}); the lanes grow from its Flight
     * Recorder stream as it runs (about two seconds behind it), the console shows its output. The
     * process starts on the file thread; a line that is no java command, or cannot be started, is
     * said in a complaint and leaves the window as it was.
     */
    public void recordJava(String commandLine) {
        stop();
        long ticket = ++starts;
        List<String> command = JavaStart.words(commandLine);
        String name = command.isEmpty() || !io.threadstage.jfr.JavaCommands.isJava(command.get(0)) ? "the program"
                : io.threadstage.jfr.JavaCommands.programName(command);
        status.set("starting " + name);
        boolean jvmThreads = jvmThreadsShown.get();
        files.submit(() -> JavaStart.start(command, jvmThreads), started -> {
            if (ticket != starts) {
                started.run().stop();
                return;
            }
            source = null;
            lineOf = step -> OptionalInt.empty();
            runScenario.set(null);
            program.set(null);
            begin(started.recorder(), started.run());
            liveRecording = started.run().recording();
            openedTitle.set(started.title());
            javaCommand.set(commandLine.strip());
        }, failure -> {
            if (ticket == starts && !isRunning()) {
                status.set("");
            }
            complain(new Complaint("Cannot record " + name, failure.getMessage()));
        });
    }

    /**
     * Forgets the program shown, if any (a scenario was opened or changed): a Python program, or a
     * Java one once its recording has ended (recorded live or opened as a file); the stage, the
     * console and the code view are the scenario's again. Nothing when a scenario's run or a trace of
     * one is shown, nor while a Java program is being recorded: only Stop ends that.
     */
    public void leaveProgram() {
        boolean javaShown = javaCommand.get() != null || openedRecording.get() != null;
        if (program.get() != null || javaShown && !isRunning()) {
            clear();
        }
    }

    /**
     * Once, while nothing runs: a {@link WarmUp} on a thread of its own, so that the first run the
     * teacher starts finds its code compiled. Any run, or Stop, stops it.
     */
    public void warmUp() {
        if (warmUp == null && !isRunning()) {
            warmUp = WarmUp.start();
        }
    }

    /** The warm-up, once {@link #warmUp()} started it. */
    public Optional<WarmUp> warmUpStarted() {
        return Optional.ofNullable(warmUp);
    }

    /** The interpreter programs run on: {@code python3} on the PATH unless set (tests name a missing one). */
    public void setPython(String interpreter) {
        this.python = interpreter;
    }

    /**
     * The one way a live run enters the window, whatever its kind: the stage, the console and the
     * thread marks start empty on {@code fresh}, which {@code live} records into from now on; the
     * previous run, already stopped, is read no more.
     */
    void begin(TraceRecorder fresh, LiveRun live) {
        javaCommand.set(null);
        recorder = fresh;
        traceRoom.start(recorder.capacity());
        store = TraceStore.forRun(recorder);
        readSeq = 0;
        endNanos = -1;
        threadLines.clear();
        threadMarks.set(Map.of());
        lastMarks = Map.of();
        console.clear();
        newLines.clear();
        openedTitle.set(null);
        openedFile = null;
        openedRecording.set(null);
        liveRecording = null;
        endOutcome = null;
        endMessage = null;
        run = live;
        steppable.set(live.canStep());
        stageMode.set(new StageMode.Live(store, recorder::elapsedNanos));
        running.set(true);
        status.set("running");
    }

    public void pause(boolean paused) {
        if (isRunning()) {
            if (paused) {
                run.pause();
                status.set("paused");
            } else {
                run.resume();
                status.set("running");
            }
        }
    }

    /** While paused: one held thread runs its next step and holds again (see {@link LiveRun#step()}). */
    public void step() {
        if (isRunning() && run.canStep() && run.isPaused()) {
            run.step();
        }
    }

    /**
     * Asks the run to stop and returns at once; its threads end within a second and it ends as
     * {@code stopped}.
     */
    public void stop() {
        if (warmUp != null) {
            warmUp.cancel();
        }
        if (isRunning()) {
            run.stop();
            status.set("stopping");
        }
    }

    /**
     * Stops whatever runs and forgets it: the stage shows an empty store, the console and the
     * thread marks are empty, the status says nothing. A stopped run's threads still end within a
     * second; nothing of them is read any more.
     */
    public void clear() {
        stop();
        starts++;
        run = null;
        program.set(null);
        recorder = null;
        source = null;
        openedFile = null;
        openedRecording.set(null);
        liveRecording = null;
        store = new TraceStore();
        readSeq = 0;
        endNanos = -1;
        threadLines.clear();
        threadMarks.set(Map.of());
        lastMarks = Map.of();
        console.clear();
        newLines.clear();
        traceRoom.clear();
        openedTitle.set(null);
        javaCommand.set(null);
        runScenario.set(null);
        running.set(false);
        stageMode.set(new StageMode.WholeRun(store));
        status.set("");
    }

    /** Replays what the stage shows, {@code factor} times the wall clock; nothing while a run goes on or before any. */
    public void replay(double factor) {
        if (!isRunning() && store.eventCount() > 0) {
            stageMode.set(StageMode.Replay.from(factor));
        }
    }

    /**
     * Shows the finished run or opened trace at a replay's instant: {@code at} is a replay going
     * on from some instant, or a still one (a paused replay, a scrubbed instant); nothing while a
     * run goes on or before any.
     */
    public void replayAt(StageMode at) {
        if (!isRunning() && store.eventCount() > 0 && (at instanceof StageMode.Replay || at instanceof StageMode.Still)) {
            stageMode.set(at);
        }
    }

    /**
     * What the stage now does of its own accord: a replay that reached the trace's end holds the
     * whole run, and {@link #stageModeProperty()} says so too. Only a replay ends by itself.
     */
    public void stageShows(StageMode shown) {
        if (stageMode.get() instanceof StageMode.Replay && shown instanceof StageMode.WholeRun) {
            stageMode.set(shown);
        }
    }

    /** Reads a trace on the file thread and shows it; a bad file leaves everything as it was and says why. */
    public void openTrace(Path file) {
        openTrace(file, null);
    }

    /** @param recordedBy the java command line that recorded {@code file}, for Run to record it again; or null */
    private void openTrace(Path file, String recordedBy) {
        stop();
        status.set("opening " + file.getFileName());
        boolean jvmThreads = jvmThreadsShown.get();
        files.submit(() -> TraceFiles.read(file, jvmThreads), opened -> {
            store = opened.store();
            openedFile = file;
            openedRecording.set(TraceFiles.isRecording(file) ? file : null);
            liveRecording = null;
            traceRoom.clear();
            runScenario.set(null);
            javaCommand.set(recordedBy);
            program.set(null);
            stageMode.set(new StageMode.WholeRun(opened.store()));
            status.set("trace " + file.getFileName() + ": " + opened.store().laneCount() + " threads"
                    + jvmThreadsSaid(opened.jvmThreads(), jvmThreads));
            openedTitle.set(opened.title());
        }, failure -> complain(new Complaint("Cannot open the trace", failure.getMessage())));
    }

    /** How a recording's status names the JVM's own threads: how many are hidden, or that they are shown. */
    private static String jvmThreadsSaid(int jvmThreads, boolean shown) {
        if (jvmThreads == 0) {
            return "";
        }
        return shown ? " (" + jvmThreads + " of them the JVM's own)"
                : " (" + jvmThreads + " of the JVM's own hidden: Trace > Show the JVM's Own Threads)";
    }

    /**
     * Whether a Java program's lanes include the JVM's own threads. Changing it reads the shown
     * recording again (an opened {@code .jfr}, or a live recording once its program has ended);
     * a recording still going on keeps what it started with, the next one takes the new choice.
     */
    public BooleanProperty jvmThreadsShownProperty() {
        return jvmThreadsShown;
    }

    private void showRecordingAgain() {
        if (isRunning()) {
            return;
        }
        Path recording = openedRecording.get() != null ? openedRecording.get() : liveRecording;
        if (recording != null) {
            openTrace(recording, javaCommand.get());
        }
    }

    /**
     * Writes what the stage shows as a JSONL trace on the file thread: the last run, or the trace
     * or recording opened (a {@code .jfr} so becomes a trace); says when it is written or why not.
     */
    public void saveTrace(Path out) {
        write("trace", trace -> TraceFiles.saveJsonl(trace, out), out);
    }

    /** Writes what the stage shows for chrome://tracing and Perfetto on the file thread. */
    public void exportChrome(Path out) {
        write("Chrome trace", trace -> TraceFiles.saveChrome(trace, out), out);
    }

    private void write(String what, TraceFiles.Write writing, Path out) {
        Path opened = openedFile;
        if (opened != null && !isRunning()) {
            boolean jvmThreads = jvmThreadsShown.get();
            submitWrite(what, () -> TraceFiles.readWholeFor(opened, jvmThreads, out), writing, out);
            return;
        }
        TraceRecorder finished = finishedRecorder();
        if (finished != null) {
            submitWrite(what, () -> TraceFiles.Whole.of(finished), writing, out);
        }
    }

    private void submitWrite(String what, TraceFiles.Source trace, TraceFiles.Write writing, Path out) {
        files.submit(() -> {
            writing.to(trace.read());
            return out;
        }, done -> status.set(what + " written to " + out.getFileName()),
                failure -> complain(new Complaint("Cannot write the " + what, out + ": " + failure.getMessage())));
    }

    /**
     * Whether the stage shows a whole trace that can be written (a finished run, an opened trace
     * or recording); when not, a complaint says why.
     */
    public boolean wholeTraceShown() {
        if (openedFile != null && !isRunning()) {
            return true;
        }
        return finishedRecorder() != null;
    }

    /** The last run's recorder when its trace is whole, else null with a complaint saying why. */
    public TraceRecorder finishedRecorder() {
        if (recorder == null) {
            complain(new Complaint("No run yet", "Run the scenario first; its trace can then be saved."));
            return null;
        }
        if (isRunning()) {
            complain(new Complaint("Still running", "Stop the run or let it finish first, so its trace is whole."));
            return null;
        }
        return recorder;
    }

    /** Says that something went wrong (a dialog in the window, the status line). */
    public void complain(String header, String message) {
        complain(new Complaint(header, message));
    }

    private void complain(Complaint said) {
        // the same complaint twice is still said twice: a property tells only changes
        complaint.set(null);
        complaint.set(said);
    }

    /** The java command line of the Java program the stage shows (recording live, or recorded), else null. */
    public ReadOnlyStringProperty javaCommandProperty() {
        return javaCommand.getReadOnlyProperty();
    }

    /** The Python program of the run going on or last run, null for a scenario's run or an opened trace. */
    public ReadOnlyObjectProperty<ProgramText> programProperty() {
        return program.getReadOnlyProperty();
    }

    /** The Python the scenario's run maps its steps to, or null (a program, a trace, a scenario the generator cannot write). */
    public PythonSource runPython() {
        return source;
    }

    /** The scenario of the run going on or last run, null while an opened trace is shown. */
    public ReadOnlyObjectProperty<Scenario> runScenarioProperty() {
        return runScenario.getReadOnlyProperty();
    }

    /** Something that went wrong, for the window to say (a dialog, the status line). */
    public record Complaint(String header, String message) {
    }

    /** The last thing that went wrong (null between two); the view says each one. */
    public ReadOnlyObjectProperty<Complaint> complaintProperty() {
        return complaint.getReadOnlyProperty();
    }

    /** The Java recording ({@code .jfr}) the stage shows as an opened file; null for any other trace or run. */
    public ReadOnlyObjectProperty<Path> openedRecordingProperty() {
        return openedRecording.getReadOnlyProperty();
    }

    /** The title of the trace last opened from a file (null before any). */
    public ReadOnlyStringProperty openedTitleProperty() {
        return openedTitle.getReadOnlyProperty();
    }

    // ---- the pulse

    /**
     * The window's one read of the run per frame: the events recorded since the last pulse go,
     * each once and in place, to the stage's store, the thread marks, the console and the end
     * check. Returns whether anything was read.
     */
    public boolean pulse() {
        if (recorder == null) {
            return false;
        }
        boolean finished = run.isFinished();
        long before = readSeq;
        readSeq = recorder.read(readSeq, EVENTS_PER_PULSE, this::take);
        // threads that all wait record nothing: their bars still grow up to what is known
        store.quietUntil(recorder.completeUntilNanos(readSeq));
        traceRoom.recorded(readSeq);
        if (!newLines.isEmpty()) {
            console.addAll(newLines);
            newLines.clear();
            int excess = console.size() - MAX_CONSOLE_LINES;
            if (excess > 0) {
                console.remove(0, excess);
            }
        }
        if (threadLines.takeChanged(System.nanoTime())) {
            threadMarks.set(threadLines.lines(lineOf));
            // the threads' last places outlive the run: the end (a deadlock's stop) clears the live marks
            if (!threadMarks.get().isEmpty() && !finished) {
                lastMarks = threadMarks.get();
            }
        }
        if (finished && running.get() && endNanos >= 0) {
            running.set(false);
            status.set(run.endDescription(endNanos));
            traceRoom.ended(endOutcome, endMessage);
            if (TraceRoom.reachedCap(endOutcome, endMessage)) {
                // the trace is whole up to the cap; the console says why it stops there
                console.add(new ConsoleLine(endMessage, true));
            }
            threadMarks.set(Map.of());
            if (program.get() != null && endOutcome == Outcome.ERROR) {
                // a program that could not run at all (not Python, no tracer): said as a complaint, not only in the console
                complain(new Complaint("Cannot run " + program.get().name(), endMessage));
            }
        }
        return readSeq != before;
    }

    private void take(EventCursor event) {
        store.append(event);
        threadLines.accept(event);
        switch (event.kind()) {
            case PRINT -> newLines.add(new ConsoleLine(event.text(), false));
            case ERROR_REPORT -> {
                // a report may span lines; the console shows one row per line
                for (String line : event.text().split("\n", -1)) {
                    newLines.add(new ConsoleLine(line, true));
                }
            }
            case END -> {
                endNanos = event.t();
                endOutcome = event.outcome();
                endMessage = event.text();
            }
            default -> {
                // the other kinds are the stage's alone
            }
        }
    }

    /**
     * Caps the events of the runs started from now on at {@code events} (0: as many as the JVM's
     * memory allows, the default): a test reaches the cap in a second instead of a minute.
     */
    public void setTraceCap(long events) {
        traceCap = Math.max(0, events);
    }

    /** How much of the trace's cap the run has used, for the status line. */
    public TraceRoom traceRoom() {
        return traceRoom;
    }

    // ---- state

    public boolean isRunning() {
        return run != null && running.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether the current run can be stepped while paused (a scenario's can, a real process cannot). */
    public ReadOnlyBooleanProperty steppableProperty() {
        return steppable.getReadOnlyProperty();
    }

    /** {@code running}, {@code paused}, then how the run ended: see {@link RunStatus}. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Says something in the status line (a file written, a complaint). */
    public void say(String text) {
        status.set(text);
    }

    /** The run's console: its prints and error reports, one row per line, oldest first. */
    public ObservableList<ConsoleLine> consoleLines() {
        return console;
    }

    /** Line (1-based) of the generated Python to the threads on it now. */
    public ReadOnlyObjectProperty<Map<Integer, List<CodeView.ThreadMark>>> threadMarksProperty() {
        return threadMarks.getReadOnlyProperty();
    }

    /**
     * The lines the threads last stood on while the run went on, kept after it ends (a deadlock's
     * threads on the lines they were stuck at): what a slide tags. Empty before a run.
     */
    public Map<Integer, List<CodeView.ThreadMark>> lastThreadMarks() {
        return lastMarks;
    }

    /** What the stage shows: the live run, a replay, or a whole trace. */
    public ReadOnlyObjectProperty<StageMode> stageModeProperty() {
        return stageMode.getReadOnlyProperty();
    }

    /** The window's file thread, which this model's files go through and the window's exports share. */
    public FileWork files() {
        return files;
    }

    /** The store of what the stage shows (the live run's, or the opened trace's). */
    public TraceStore store() {
        return store;
    }

    /** The current or last run when it is a scenario's (tests wait on it from their own thread). */
    public Optional<ScenarioRun> currentRun() {
        return run instanceof ScenarioRun scenarioRun ? Optional.of(scenarioRun) : Optional.empty();
    }

    /** The current or last run, whatever its kind. */
    public Optional<LiveRun> liveRun() {
        return Optional.ofNullable(run);
    }

    /**
     * Reads what the stage shows into a store of its own, for work off the FX thread that must
     * not share the stage's (whose summaries grow as it is read): the finished run's events
     * again, or the opened trace read again. Null while a run goes on or before any.
     */
    public io.threadstage.export.VideoJob.TraceSource finishedTraceCopy() {
        if (isRunning() || store.eventCount() == 0) {
            return null;
        }
        Path file = openedFile;
        boolean jvmThreads = jvmThreadsShown.get();
        if (file != null) {
            return () -> {
                try {
                    return TraceFiles.read(file, jvmThreads).store();
                } catch (io.threadstage.io.TraceFileException unreadable) {
                    throw new java.io.IOException(unreadable.getMessage(), unreadable);
                }
            };
        }
        TraceRecorder finished = recorder;
        if (finished == null) {
            return null;
        }
        return () -> {
            TraceStore copy = new TraceStore();
            finished.eventsInOrder().forEach(copy::append);
            return copy;
        };
    }

    /** The recorder of the current or last run, for saving and exporting its trace. */
    public Optional<TraceRecorder> recorder() {
        return Optional.ofNullable(recorder);
    }

    /** Whether the last run has ended (so its trace is whole). */
    public boolean hasFinishedRun() {
        return run != null && !running.get() && endNanos >= 0;
    }

    private static PythonSource generate(Scenario scenario) {
        try {
            return new PythonGenerator().generate(scenario);
        } catch (RuntimeException notAvailable) {
            // a scenario the generator cannot write still runs; its tracebacks name no lines
            return null;
        }
    }
}
