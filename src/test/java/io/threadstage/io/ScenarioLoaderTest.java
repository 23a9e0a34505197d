package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.Value;
import io.threadstage.model.Worker;
import io.threadstage.model.WorkerStyle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

    private final ScenarioLoader loader = new ScenarioLoader();

    private Scenario parse(String json) throws ScenarioException {
        return loader.parse("t.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDocumentWithoutSettingsRunsWithTheGilAsCPython311Does() throws ScenarioException {
        Scenario plain = parse("{\"format\": \"threadstage/1\", \"title\": \"t\", \"main\": []}");
        Scenario freeThreaded = parse("{\"format\": \"threadstage/1\", \"title\": \"t\", \"settings\": {\"gil\": false},"
                + " \"main\": []}");

        assertEquals(true, plain.settings().gil());
        assertEquals(false, freeThreaded.settings().gil());
    }

    @Test
    void theSpecExampleLoadsIntoTheModelItDescribes() throws ScenarioException {
        Scenario scenario = parse("{\n"
                + "  \"format\": \"threadstage/1\",\n"
                + "  \"title\": \"Producer and consumer\",\n"
                + "  \"lesson\": \"Optional text shown as the caption while the scenario plays.\",\n"
                + "  \"settings\": { \"gil\": true, \"switchIntervalMs\": 5, \"speed\": 1.0, \"excepthook\": \"default\" },\n"
                + "  \"resources\": [\n"
                + "    { \"kind\": \"queue\",    \"name\": \"jobs\",   \"maxsize\": 2 },\n"
                + "    { \"kind\": \"lock\",     \"name\": \"counter_lock\" },\n"
                + "    { \"kind\": \"event\",    \"name\": \"stop\" }\n"
                + "  ],\n"
                + "  \"workers\": [\n"
                + "    { \"name\": \"Producer\", \"style\": \"target\", \"function\": \"produce\", \"args\": [3],\n"
                + "      \"steps\": [ { \"repeat\": 3, \"do\": [ { \"compute\": 200 }, { \"put\": \"jobs\", \"item\": \"job\" } ] },\n"
                + "                 { \"put\": \"jobs\", \"item\": null } ] },\n"
                + "    { \"name\": \"Consumer\", \"style\": \"subclass\", \"class\": \"Consumer\",\n"
                + "      \"steps\": [ { \"get\": \"jobs\", \"until_item\": null, \"do\": [ { \"io\": 300, \"label\": \"save\" } ] } ] }\n"
                + "  ],\n"
                + "  \"main\": [ { \"start\": \"Producer\" }, { \"start\": \"Consumer\" },\n"
                + "            { \"join\": \"Producer\" }, { \"join\": \"Consumer\" }, { \"print\": \"done\" } ]\n"
                + "}\n");
        Scenario expected = new Scenario("Producer and consumer",
                "Optional text shown as the caption while the scenario plays.", Settings.DEFAULT,
                List.of(new Resource.Queue("jobs", 2), new Resource.Lock("counter_lock"), new Resource.Event("stop")),
                List.of(new Worker("Producer", null, WorkerStyle.TARGET, "produce", null, List.of(), List.of(Value.of(3)),
                                Map.of(), false, List.of(
                                        new Step.Repeat(3, List.of(new Step.Compute(200), new Step.Put("jobs", Value.of("job"), null))),
                                        new Step.Put("jobs", Value.NONE, null))),
                        new Worker("Consumer", null, WorkerStyle.SUBCLASS, null, "Consumer", List.of(), List.of(), Map.of(),
                                false, List.of(new Step.GetUntil("jobs", Value.NONE, List.of(new Step.Io(300, "save")))))),
                List.of(new Step.Start("Producer"), new Step.Start("Consumer"), new Step.Join("Producer", null),
                        new Step.Join("Consumer", null), new Step.Print("done")),
                Map.of());
        assertEquals(expected, scenario);
    }

    @Test
    void topLevelExtensionKeysAreKeptAndOthersIgnored() throws ScenarioException {
        Scenario scenario = parse("{\"format\": \"threadstage/1\", \"title\": \"T\", \"x-deterministic\": true,"
                + " \"x-expected-outcome\": \"deadlock\", \"settings\": {\"x-note\": 1},"
                + " \"resources\": [{\"kind\": \"lock\", \"name\": \"a\", \"x-colour\": \"red\"},"
                + "   {\"kind\": \"executor\", \"name\": \"pool\", \"maxWorkers\": 1}],"
                + " \"workers\": [{\"id\": \"w\", \"style\": \"lambda\", \"steps\": [], \"x-y\": 2}],"
                + " \"main\": [{\"print\": \"hi\", \"x-comment\": \"why\"},"
                + "  {\"submit\": \"pool\", \"task\": {\"function\": \"f\", \"steps\": [], \"x-t\": 0}}],"
                + " \"x-last\": null}");
        assertEquals(List.of("x-deterministic", "x-expected-outcome", "x-last"), List.copyOf(scenario.extensions().keySet()));
        assertEquals(new Value.Bool(true), scenario.extensions().get("x-deterministic"));
        assertEquals(Value.of("deadlock"), scenario.extensions().get("x-expected-outcome"));
        assertEquals(Value.NONE, scenario.extensions().get("x-last"));
        assertEquals(new Step.Print("hi"), scenario.main().get(0));
    }

    @Test
    void optionsThatShareANameWithAVerbAreReadAsOptions() throws ScenarioException {
        Scenario scenario = parse("{\"format\": \"threadstage/1\", \"title\": \"T\","
                + " \"resources\": [{\"kind\": \"event\", \"name\": \"stop\"}, {\"kind\": \"executor\", \"name\": \"pool\", \"maxWorkers\": 1}],"
                + " \"main\": [{\"until\": \"stop\", \"do\": [], \"wait\": 50}, {\"until\": \"stop\", \"do\": [], \"sleep\": 60},"
                + "  {\"submit\": \"pool\", \"task\": {\"function\": \"f\", \"steps\": []}, \"as\": \"f1\"},"
                + "  {\"print\": true, \"result\": \"f1\"}]}");
        assertEquals(List.of(new Step.Until("stop", List.of(), 50, false), new Step.Until("stop", List.of(), 60, true)),
                scenario.main().subList(0, 2));
        assertEquals(new Step.Result("f1", null, true), scenario.main().get(3));
    }

    @Test
    void aByteOrderMarkIsAccepted() throws ScenarioException {
        assertEquals("T", parse("\uFEFF{\"format\": \"threadstage/1\", \"title\": \"T\", \"main\": []}").title());
    }

    @Test
    void numbersKeepTheirKind() throws ScenarioException {
        Scenario scenario = parse("{\"format\": \"threadstage/1\", \"title\": \"T\", \"resources\": [{\"kind\": \"local\", \"name\": \"l\"}],"
                + " \"main\": [{\"local_set\": \"l\", \"value\": [1, 1.0, 1e2, -0, \"1\", {\"k\": [true]}]}]}");
        Value expected = new Value.Array(List.of(Value.of(1), new Value.Real(1.0), new Value.Real(100.0), Value.of(0),
                Value.of("1"), new Value.Dict(Map.of("k", new Value.Array(List.of(new Value.Bool(true)))))));
        assertEquals(new Step.LocalSet("l", expected), scenario.main().get(0));
    }

    @Test
    void loadsAFileByItsName(@TempDir Path folder) throws IOException, ScenarioException {
        Path file = folder.resolve("s.json");
        Files.writeString(file, "{\"format\": \"threadstage/1\", \"title\": \"From a file\", \"main\": []}");
        assertEquals("From a file", loader.load(file.toString()).title());
        assertEquals("From a file", loader.load(file).title());
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path folder) {
        String name = folder.resolve("nothing.json").toString();
        ScenarioException error = assertThrows(ScenarioException.class, () -> loader.load(name));
        assertEquals(name + ": no such file", error.getMessage());
        assertEquals(name, error.source());
        assertEquals(null, error.place());
    }

    @Test
    void aFolderIsNotAScenario(@TempDir Path folder) {
        ScenarioException error = assertThrows(ScenarioException.class, () -> loader.load(folder));
        assertEquals(folder + ": is a folder, not a scenario file", error.getMessage());
    }

    @Test
    void aBuiltInLessonLoadsByItsId() throws ScenarioException {
        assertEquals(loader.load(Path.of("assets/lessons/producer-consumer.json")), loader.load("lesson:producer-consumer"));
    }

    @Test
    void anUnknownLessonIsNamed() {
        ScenarioException error = assertThrows(ScenarioException.class, () -> loader.load("lesson:no-such-lesson"));
        assertEquals("lesson:no-such-lesson: no such built-in lesson (threadstage lessons lists them)", error.getMessage());
    }

    @Test
    void aLessonIdCannotLeaveTheLessonFolder() {
        ScenarioException error = assertThrows(ScenarioException.class, () -> loader.load("lesson:../lessons/index"));
        assertEquals("lesson:../lessons/index: not a lesson id (threadstage lessons lists them)", error.getMessage());
    }

    @Test
    void theExceptionSplitsSourcePlaceAndProblem() {
        ScenarioException error = assertThrows(ScenarioException.class,
                () -> parse("{\"format\": \"threadstage/1\", \"title\": \"T\", \"main\": [{\"start\": \"Nobody\"}]}"));
        assertEquals("t.json", error.source());
        assertEquals("$.main[0]", error.place());
        assertEquals("unknown worker \"Nobody\"", error.problem());
    }

    @Test
    void aLoneSurrogateIsRefusedAtItsEscapeWhereverItStands() {
        String[] documents = {
            "{\"format\": \"threadstage/1\", \"title\": \"t\", \"main\": [{\"print\": \"a\\udc00\"}]}",
            "{\"format\": \"threadstage/1\",\r\n\"title\": \"t\",\r\n\"x-note\": {\"\\\\\\ud800\": 1}, \"main\": []}",
            "{\"format\": \"threadstage/1\", \"title\": \"\\ud83d\\ud83d\\ude00\", \"main\": []}",
            "{\"format\": \"threadstage/1\", \"title\": \"\\ude00\\ud83d\", \"main\": []}",
        };
        String[] places = {"line 1, column 64", "line 3, column 15", "line 1, column 39", "line 1, column 39"};
        String[] units = {"\\udc00", "\\ud800", "\\ud83d", "\\ude00"};
        for (int i = 0; i < documents.length; i++) {
            String document = documents[i];
            ScenarioException refused = assertThrows(ScenarioException.class, () -> parse(document), document);
            assertEquals("t.json: " + places[i] + ": " + units[i] + " is half of a UTF-16 surrogate pair, not a character"
                    + " (UTF-8 cannot hold it): write the character itself, or both halves of its pair", refused.getMessage());
        }
    }

    @Test
    void aSurrogatePairAndEscapedBackslashesAreText() throws ScenarioException {
        Scenario scenario = parse("{\"format\": \"threadstage/1\", \"title\": \"\\ud83d\\ude00 \\\\ud800 \\\\\\u00e9\","
                + " \"main\": []}");
        assertEquals("\ud83d\ude00 \\ud800 \\\u00e9", scenario.title());
    }

    /** Jackson refuses a long key in words about its own settings, without a place: the loader answers first, where the key starts. */
    @Test
    void aVeryLongKeyIsRefusedWhereItStartsInOurWords() {
        ScenarioException error = assertThrows(ScenarioException.class,
                () -> parse("{\"format\": \"threadstage/1\", \"title\": \"T\", \"main\": [],\n \"x-" + "k".repeat(100_000) + "\": 1}"));
        assertEquals("t.json: line 2, column 2: a key of 100002 characters (a key has at most 1000)", error.getMessage());
    }
}
