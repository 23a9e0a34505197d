package io.threadstage.export;

import static io.threadstage.export.PixelColors.hex;
import static io.threadstage.export.PixelColors.pixel;
import static io.threadstage.trace.TraceBuilder.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.threadstage.picture.Ink;
import io.threadstage.picture.StageColours;
import io.threadstage.picture.StageLayout;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceBuilder;
import io.threadstage.trace.TraceStore;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A created thread (not started) and an ended one never look alike: a hollow bar against a thin line. */
class CreatedEndedLookTest {

    /** The worker is created at 10 ms, started at 40 ms, and ends at 60 ms; the run goes on to 100 ms. */
    private static TraceStore createdThenEnded() {
        return new TraceBuilder()
                .at(0).thread(0, "MainThread", "main", false).running(0)
                .atMs(10).thread(1, "worker", "target", false).created(1)
                .atMs(40).running(1)
                .atMs(60).terminated(1, Reason.RETURNED)
                .atMs(100).terminated(0, Reason.RETURNED).end(Outcome.COMPLETED, null)
                .store();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void createdIsAHollowBarAndEndedAThinLine(boolean highContrast) {
        StageColours colours = StageColours.of(highContrast);
        PngPicture.Rendered picture = PngPicture.render(null, createdThenEnded(), 1600, 900, highContrast);
        BufferedImage image = picture.image();
        StageLayout layout = picture.layout();
        String ground = hex(colours.rgb(Ink.LANE_ALTERNATE));
        String created = hex(colours.rgb(Ink.CREATED));
        String ended = hex(colours.rgb(Ink.TERMINATED));
        double centre = layout.laneCenter(1);
        double createdX = layout.x(27 * MS);
        double endedX = layout.x(73 * MS);
        // the middle of a created bar is empty; the middle of an ended lane is the thin line
        assertEquals(ground, pixel(image, createdX, centre), "inside the created bar");
        assertEquals(ended, pixel(image, endedX, centre), "the ended line");
        // a created bar has edges well above and below the centre; the ended line has nothing there
        double pad = Math.max(2, Math.floor(layout.laneHeight * 0.1));
        double barSpace = layout.laneHeight - 2 * pad;
        double h = Math.round(barSpace * io.threadstage.picture.StateLook.CREATED_HEIGHT);
        double top = layout.laneTop(1) + pad + Math.round((barSpace - h) / 2);
        assertEquals(created, pixel(image, createdX, top + 1), "the created bar's top edge");
        assertEquals(created, pixel(image, createdX, top + h - 2), "the created bar's bottom edge");
        assertEquals(ground, pixel(image, endedX, top + 1), "no edge over the ended line");
        assertNotEquals(created, ended, "two inks as well as two shapes");
    }

    @Test
    void theLegendShowsCreatedHollow() {
        java.util.List<io.threadstage.picture.Legend.Entry> entries = io.threadstage.picture.Legend.entries(createdThenEnded());
        assertEquals(io.threadstage.picture.Legend.Shape.HOLLOW_BAR, entries.stream()
                .filter(entry -> entry.label().equals("created")).findFirst().orElseThrow().shape());
    }
}
