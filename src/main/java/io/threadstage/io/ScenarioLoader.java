package io.threadstage.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadstage.model.Problem;
import io.threadstage.model.Scenario;
import io.threadstage.model.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and validates {@code threadstage/1} documents: a file, a built-in lesson
 * ({@code lesson:ID}, from {@code /assets/lessons/ID.json} on the class path) or bytes. Refuses
 * every document the format forbids with one message naming the source and the place:
 * {@code lessons/x.json: $.workers[1].steps[0]: unknown verb "sleeep"}, or
 * {@code x.json: line 3, column 7: unexpected end of file} for JSON syntax. Throws nothing but
 * {@link ScenarioException}. Stateless; any thread.
 */
public final class ScenarioLoader {

    /** Largest document accepted, 4 MiB. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    public static final String LESSON_PREFIX = "lesson:";
    static final String LESSON_FOLDER = "/assets/lessons/";
    private static final Pattern LESSON_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Validator validator = new Validator();

    /** Loads a file, or a built-in lesson named {@code lesson:ID}. */
    public Scenario load(String fileOrLesson) throws ScenarioException {
        if (fileOrLesson.startsWith(LESSON_PREFIX)) {
            return loadLesson(fileOrLesson, fileOrLesson.substring(LESSON_PREFIX.length()));
        }
        Path file;
        try {
            file = Path.of(fileOrLesson);
        } catch (InvalidPathException e) {
            throw new ScenarioException(fileOrLesson, null, "not a valid file name");
        }
        return parse(fileOrLesson, readFile(fileOrLesson, file));
    }

    public Scenario load(Path file) throws ScenarioException {
        return parse(file.toString(), readFile(file.toString(), file));
    }

    /** Parses a document's bytes; {@code source} names it in messages. */
    public Scenario parse(String source, byte[] document) throws ScenarioException {
        try {
            if (document.length > MAX_BYTES) {
                throw new Refusal(null, tooLarge(document.length));
            }
            String text = decodeUtf8(document);
            // a lone surrogate is refused at its escape before the reader makes it into a string
            LoneSurrogates.refuse(text);
            Scenario scenario = new ScenarioReader().read(readTree(text));
            List<Problem> problems = validator.validate(scenario);
            if (!problems.isEmpty()) {
                throw new Refusal(problems.get(0).path(), problems.get(0).message());
            }
            return scenario;
        } catch (Refusal refusal) {
            throw new ScenarioException(source, refusal.place(), refusal.problem());
        } catch (RuntimeException | StackOverflowError e) {
            // a bug of ours must still reach the user as a message, never as a stack trace
            throw new ScenarioException(source, null, "cannot be loaded (internal error: " + e + ")");
        }
    }

    /**
     * The document as a tree; a trace opened as a scenario is named as what it is, since a
     * teacher who picks a run's file by mistake learns nothing from "text after the end".
     */
    private static JsonNode readTree(String text) throws Refusal {
        try {
            return JsonTreeReader.forDocument().read(text);
        } catch (Refusal refusal) {
            if (looksLikeATrace(text)) {
                throw new Refusal(null, "this is a trace (threadstage-trace/1), not a scenario:"
                        + " open it as a trace, or draw it with threadstage render");
            }
            throw refusal;
        }
    }

    private static boolean looksLikeATrace(String text) {
        int end = text.indexOf('\n');
        try {
            JsonNode header = JsonTreeReader.forTraceLine().read(end < 0 ? text : text.substring(0, end));
            return header.path("format").asText("").startsWith("threadstage-trace/");
        } catch (Refusal notEvenAHeader) {
            return false;
        }
    }

    private Scenario loadLesson(String source, String id) throws ScenarioException {
        if (!LESSON_ID.matcher(id).matches()) {
            throw new ScenarioException(source, null, "not a lesson id (threadstage lessons lists them)");
        }
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(LESSON_FOLDER + id + ".json")) {
            if (in == null) {
                throw new ScenarioException(source, null, "no such built-in lesson (threadstage lessons lists them)");
            }
            return parse(source, readAtMost(in));
        } catch (IOException e) {
            throw new ScenarioException(source, null, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static byte[] readFile(String source, Path file) throws ScenarioException {
        try {
            if (Files.isDirectory(file)) {
                throw new ScenarioException(source, null, "is a folder, not a scenario file");
            }
            // opening a pipe blocks until someone writes to it, and a device may never end: refuse both unopened
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new ScenarioException(source, null, "is not a regular file (a device, a pipe or a socket)");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ScenarioException(source, null, tooLarge(size));
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = readAtMost(in);
                if (bytes.length > MAX_BYTES) {
                    throw new ScenarioException(source, null, tooLarge(bytes.length));
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new ScenarioException(source, null, "no such file");
        } catch (AccessDeniedException e) {
            throw new ScenarioException(source, null, "cannot be read (permission denied)");
        } catch (IOException | SecurityException e) {
            throw new ScenarioException(source, null, "cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Reads one byte past the limit, enough to know a growing file is too large. */
    private static byte[] readAtMost(InputStream in) throws IOException {
        return in.readNBytes(MAX_BYTES + 1);
    }

    private static String tooLarge(long bytes) {
        return "larger than 4 MiB (" + bytes + " bytes)";
    }

    /** Strict UTF-8: the first malformed byte is reported by its offset, so it can be found with a hex viewer. */
    private static String decodeUtf8(byte[] document) throws Refusal {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(document);
        CharBuffer out = CharBuffer.allocate(document.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new Refusal("byte offset " + offset, String.format("not valid UTF-8 (0x%02X)", document[offset] & 0xFF));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        // a byte order mark is invisible in an editor: accept it rather than call it a syntax error
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
