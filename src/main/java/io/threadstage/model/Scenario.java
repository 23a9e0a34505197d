package io.threadstage.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario document, {@code threadstage/1}: a small Python threading program described as
 * data. Immutable; any thread.
 *
 * @param title      non-empty text
 * @param lesson     caption text, or null
 * @param settings   run settings
 * @param resources  shared objects, unique names
 * @param workers    threads that steps create and start
 * @param main       the steps of {@code MainThread}
 * @param extensions the document's {@code x-} keys, kept for saving and otherwise ignored
 */
public record Scenario(String title, String lesson, Settings settings, List<Resource> resources,
                       List<Worker> workers, List<Step> main, Map<String, Value> extensions) {

    public static final String FORMAT = "threadstage/1";

    public Scenario {
        resources = List.copyOf(resources);
        workers = List.copyOf(workers);
        main = List.copyOf(main);
        extensions = Ordered.copyOf(extensions);
    }

    public static Scenario empty(String title) {
        return new Scenario(title, null, Settings.DEFAULT, List.of(), List.of(), List.of(), Map.of());
    }

    public Optional<Resource> resource(String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public Optional<Worker> worker(String ref) {
        return workers.stream().filter(w -> ref.equals(w.ref())).findFirst();
    }

    public Scenario withTitle(String newTitle) {
        return new Scenario(newTitle, lesson, settings, resources, workers, main, extensions);
    }

    public Scenario withLesson(String newLesson) {
        return new Scenario(title, newLesson, settings, resources, workers, main, extensions);
    }

    public Scenario withSettings(Settings newSettings) {
        return new Scenario(title, lesson, newSettings, resources, workers, main, extensions);
    }

    public Scenario withResources(List<Resource> newResources) {
        return new Scenario(title, lesson, settings, newResources, workers, main, extensions);
    }

    public Scenario withWorkers(List<Worker> newWorkers) {
        return new Scenario(title, lesson, settings, resources, newWorkers, main, extensions);
    }

    public Scenario withMain(List<Step> newMain) {
        return new Scenario(title, lesson, settings, resources, workers, newMain, extensions);
    }
}
