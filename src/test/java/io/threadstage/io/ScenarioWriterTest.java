package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.ModelFixtures;
import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;
import io.threadstage.model.Settings;
import io.threadstage.model.Step;
import io.threadstage.model.Task;
import io.threadstage.model.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioWriterTest {

    private final ScenarioWriter writer = new ScenarioWriter();
    private final ScenarioLoader loader = new ScenarioLoader();

    @Test
    void theEveryVerbFixtureIsValid() {
        assertEquals(List.of(), new Validator().validate(ModelFixtures.everyVerb()));
    }

    @Test
    void writingThenReadingGivesAnEqualModelForEveryVerb() throws ScenarioException {
        Scenario scenario = ModelFixtures.everyVerb();
        String json = writer.toJson(scenario);
        assertEquals(scenario, loader.parse("every.json", json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writingIsStable() throws ScenarioException {
        String once = writer.toJson(ModelFixtures.everyVerb());
        String twice = writer.toJson(loader.parse("every.json", once.getBytes(StandardCharsets.UTF_8)));
        assertEquals(once, twice);
    }

    @Test
    void aSmallScenarioIsWrittenExactly() {
        assertEquals("{\n"
                + "  \"format\": \"threadstage/1\",\n"
                + "  \"title\": \"Small\",\n"
                + "  \"resources\": [\n"
                + "    { \"kind\": \"queue\", \"name\": \"jobs\", \"maxsize\": 2 }\n"
                + "  ],\n"
                + "  \"workers\": [\n"
                + "    {\n"
                + "      \"name\": \"Producer\",\n"
                + "      \"style\": \"target\",\n"
                + "      \"function\": \"produce\",\n"
                + "      \"steps\": [\n"
                + "        { \"put\": \"jobs\", \"item\": \"job\" }\n"
                + "      ]\n"
                + "    }\n"
                + "  ],\n"
                + "  \"main\": [\n"
                + "    { \"start\": \"Producer\" },\n"
                + "    { \"join\": \"Producer\" }\n"
                + "  ]\n"
                + "}\n", writer.toJson(ModelFixtures.small()));
    }

    @Test
    void defaultsAreLeftOutAndOnlyChangedSettingsWritten() {
        Scenario scenario = Scenario.empty("Defaults").withSettings(Settings.DEFAULT.withSpeed(2));
        assertEquals("{\n"
                + "  \"format\": \"threadstage/1\",\n"
                + "  \"title\": \"Defaults\",\n"
                + "  \"settings\": { \"speed\": 2.0 },\n"
                + "  \"main\": []\n"
                + "}\n", writer.toJson(scenario));
    }

    @Test
    void textIsEscapedAsJsonAndNonAsciiKeptReadable() {
        Scenario scenario = Scenario.empty("Quote \" backslash \\ tab \t é").withMain(List.of(new Step.Print("a\nb")));
        String json = writer.toJson(scenario);
        assertTrue(json.contains("\"title\": \"Quote \\\" backslash \\\\ tab \\t é\""), json);
        assertTrue(json.contains("{ \"print\": \"a\\nb\" }"), json);
    }

    @Test
    void aLongStepBreaksOverLinesAndAShortOneStaysOnOne() {
        String longText = "x".repeat(120);
        Scenario scenario = Scenario.empty("Wide").withMain(List.of(new Step.Print(longText), new Step.Print("short")));
        assertEquals("{\n"
                + "  \"format\": \"threadstage/1\",\n"
                + "  \"title\": \"Wide\",\n"
                + "  \"main\": [\n"
                + "    {\n"
                + "      \"print\": \"" + longText + "\"\n"
                + "    },\n"
                + "    { \"print\": \"short\" }\n"
                + "  ]\n"
                + "}\n", writer.toJson(scenario));
    }

    @Test
    void aModelNestedToTheLimitTheValidatorAllowsLoadsBack() throws ScenarioException {
        Step deepest = new Step.Repeat(1, List.of());
        for (int i = 0; i < 20; i++) {
            deepest = new Step.Submit("pool", new Task("f", List.of(), List.of(), List.of(deepest), null), null);
        }
        Scenario scenario = Scenario.empty("Deep").withResources(List.of(new Resource.Executor("pool", 1)))
                .withMain(List.of(deepest));
        assertEquals(List.of(), new Validator().validate(scenario));
        assertEquals(scenario, loader.parse("deep.json", writer.toJson(scenario).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void saveWritesTheJsonAndLeavesNoTemporaryFile(@TempDir Path folder) throws IOException, ScenarioException {
        Path file = folder.resolve("lesson.json");
        writer.save(ModelFixtures.everyVerb(), file);
        assertEquals(writer.toJson(ModelFixtures.everyVerb()), Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(ModelFixtures.everyVerb(), loader.load(file));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void saveReplacesAnExistingFileAndKeepsItsPermissions(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("lesson.json");
        Files.writeString(file, "old content that is longer than the new one ".repeat(100));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        writer.save(ModelFixtures.small(), file);
        assertEquals(writer.toJson(ModelFixtures.small()), Files.readString(file));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aNewFileIsReadableByOthersLikeAnyDocument(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("new.json");
        writer.save(ModelFixtures.small(), file);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void saveIntoAMissingFolderFailsAndCreatesNothing(@TempDir Path folder) {
        Path file = folder.resolve("missing").resolve("x.json");
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> writer.save(ModelFixtures.small(), file));
        assertTrue(Files.notExists(file.getParent()));
    }

    @Test
    void anInvalidModelCanStillBeWritten() {
        Scenario unfinished = new Scenario(null, null, Settings.DEFAULT, List.of(), List.of(),
                List.of(new Step.Start(null)), Map.of());
        assertEquals("{\n"
                + "  \"format\": \"threadstage/1\",\n"
                + "  \"main\": [\n"
                + "    { \"start\": null }\n"
                + "  ]\n"
                + "}\n", writer.toJson(unfinished));
    }
}
