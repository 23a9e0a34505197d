package io.threadstage.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A tooltip made on the first hover: none before, the text after, made once; the text is the accessible help meanwhile. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LazyTooltipTest {

    @Start
    void start(Stage stage) {
    }

    @Test
    void theTooltipIsMadeWhenThePointerFirstEnters() throws Exception {
        Button button = onFx(() -> {
            Button made = new Button("put");
            LazyTooltip.install(made, "jobs.put(item)");
            return made;
        });
        assertNull(onFx(button::getTooltip), "no popup until a hover");
        assertEquals("jobs.put(item)", onFx(button::getAccessibleHelp));

        Tooltip first = onFx(() -> {
            Event.fireEvent(button, entered());
            return button.getTooltip();
        });
        assertEquals("jobs.put(item)", first.getText());
        assertSame(first, onFx(() -> {
            Event.fireEvent(button, entered());
            return button.getTooltip();
        }), "made once");
    }

    @Test
    void anAccessibleHelpAlreadyGivenStays() throws Exception {
        assertEquals("press to add one", onFx(() -> {
            Button made = new Button("Lock");
            made.setAccessibleHelp("press to add one");
            LazyTooltip.install(made, "threading.Lock()");
            return made.getAccessibleHelp();
        }));
    }

    private static MouseEvent entered() {
        return new MouseEvent(MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1, MouseButton.NONE, 0,
                false, false, false, false, false, false, false, false, false, false, null);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
