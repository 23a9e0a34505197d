package io.threadstage.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.trace.Reason;
import io.threadstage.trace.ThreadRow;
import io.threadstage.trace.ThreadState;
import io.threadstage.trace.ThreadTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A run of 1,000 threads puts 1,000 rows into the inspector in one pulse: the table must lay out
 * the rows it shows and no more (measuring each row to estimate its scroll length made the
 * pulse after Run the window's longest).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InspectorRowsTest {

    private ThreadInspector inspector;
    /** Every row the table filled with a thread, in view or not. */
    private final Set<TableRow<ThreadRow>> rowsFilled = Collections.newSetFromMap(new IdentityHashMap<>());

    @Start
    void start(Stage stage) {
        inspector = new ThreadInspector();
        inspector.table().setRowFactory(table -> new TableRow<>() {
            @Override
            public void updateIndex(int index) {
                super.updateIndex(index);
                if (index >= 0) {
                    rowsFilled.add(this);
                }
            }
        });
        stage.setScene(new Scene(inspector, 760, 300));
        stage.show();
    }

    private static ThreadTable threads(int count) {
        List<ThreadRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new ThreadRow(i, "Worker-" + i, 1000L + i, 2000L + i, false, true, ThreadState.RUNNING,
                    Reason.NONE, null, null, List.of()));
        }
        return new ThreadTable(1, 1, rows, count, rows.get(0));
    }

    @Test
    void aThousandThreadsFillOnlyTheRowsInView() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            rowsFilled.clear();
            inspector.show(threads(1_000));
            inspector.applyCss();
            inspector.layout();
        }).get(10, TimeUnit.SECONDS);
        List<String> measuredOutOfView = WaitForAsyncUtils.asyncFx(() -> rowsFilled.stream()
                .filter(row -> row.getParent() == null || !row.isVisible() || row.getScene() == null)
                .map(row -> "row " + row.getIndex()).toList()).get(10, TimeUnit.SECONDS);
        long inView = WaitForAsyncUtils.asyncFx(() -> inspector.table().lookupAll(".table-row-cell").stream()
                .filter(node -> node.isVisible() && ((IndexedCell<?>) node).getIndex() >= 0).count()).get(10, TimeUnit.SECONDS);
        assertTrue(inView > 5, "rows in view: " + inView);
        assertEquals(List.of(), measuredOutOfView, "rows filled only to be measured");
    }
}
