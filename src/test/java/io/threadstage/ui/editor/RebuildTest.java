package io.threadstage.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadstage.model.Scenario;
import org.junit.jupiter.api.Test;

class RebuildTest {

    @Test
    void theSpecExampleCanBeBuiltFromTilesAndFields() {
        Scenario target = WindowSnapshotTest.producerConsumer();
        EditorViewModel editor = new EditorViewModel();
        new Rebuild(editor, Rebuild.direct(editor), target).run();
        assertEquals(Rebuild.withoutExtensions(target), editor.getScenario());
    }
}
