package io.threadstage.export;

import static io.threadstage.trace.TraceBuilder.MS;
import static io.threadstage.export.PixelColors.color;
import static io.threadstage.export.PixelColors.hex;
import static io.threadstage.export.PixelColors.pixel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.core.RunOptions;
import io.threadstage.core.ScenarioRun;
import io.threadstage.io.ScenarioLoader;
import io.threadstage.model.Scenario;
import io.threadstage.picture.Contrast;
import io.threadstage.picture.Ink;
import io.threadstage.picture.Legend;
import io.threadstage.picture.StageColours;
import io.threadstage.picture.StageHover;
import io.threadstage.picture.StageLayout;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.Reason;
import io.threadstage.trace.TraceBuilder;
import io.threadstage.trace.TraceEvent;
import io.threadstage.trace.TraceRecorder;
import io.threadstage.trace.TraceStore;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stripe under a lane while its thread holds a lock, checked pixel by pixel, and what the core records for it. */
class LockStripeTest {

    private static final int WIDTH = 1600;
    private static final int HEIGHT = 900;

    /** The stripe's height and the y of its top row in lane {@code lane}, as the frame places it. */
    private static double stripeHeight(StageLayout layout) {
        double pad = Math.max(2, Math.floor(layout.laneHeight * 0.1));
        return Math.max(2, pad - 2);
    }

    private static double stripeTop(StageLayout layout, int lane) {
        return layout.laneTop(lane) + layout.laneHeight - 1 - stripeHeight(layout);
    }

    private static double stripeMiddle(StageLayout layout, int lane) {
        return stripeTop(layout, lane) + stripeHeight(layout) / 2;
    }

    /**
     * Taker takes a at 10 ms and b inside it at 30 ms, gives b back at 60 ms and a at 80 ms;
     * Waiter blocks on a from 40 ms and gets it at 80 ms, holding it to the end.
     */
    private static TraceStore nestedLocks() {
        return new TraceBuilder()
                .at(0).thread(0, "MainThread", "main", false).running(0)
                .thread(1, "Taker", "target", false).thread(2, "Waiter", "target", false)
                .atMs(5).running(1).running(2)
                .atMs(10).lock("a", 1)
                .atMs(30).lock("b", 1)
                .atMs(40).waiting(2, Reason.LOCK, "a")
                .atMs(60).lock("b", -1)
                .atMs(80).lock("a", -1).lock("a", 2).running(2)
                .atMs(98).terminated(1, Reason.RETURNED)
                .atMs(100).terminated(0, Reason.RETURNED).end(Outcome.COMPLETED, null)
                .store();
    }

    @Test
    void aStripeRunsUnderTheLaneWhileItsThreadHoldsALockInThatLocksColour() throws Exception {
        PngPicture.Rendered picture = PngPicture.render(null, nestedLocks(), WIDTH, HEIGHT, false);
        BufferedImage image = picture.image();
        StageLayout layout = picture.layout();
        double taker = stripeMiddle(layout, 1);
        double waiter = stripeMiddle(layout, 2);
        // probes near the ends of each holding: its tag sits in the middle
        assertEquals(color(Ink.LANE_ALTERNATE), pixel(image, layout.x(8 * MS), taker), "before Taker takes a");
        assertEquals(color(Ink.LOCK_HELD_0), pixel(image, layout.x(12 * MS), taker), "Taker holds a");
        assertEquals(color(Ink.LOCK_HELD_0), pixel(image, layout.x(28 * MS), taker));
        assertEquals(color(Ink.LOCK_HELD_1), pixel(image, layout.x(33 * MS), taker), "Taker holds a and b: b, taken last");
        assertEquals(color(Ink.LOCK_HELD_1), pixel(image, layout.x(57 * MS), taker));
        assertEquals(color(Ink.LOCK_HELD_0), pixel(image, layout.x(62 * MS), taker), "b given back: a again");
        assertEquals(color(Ink.LOCK_HELD_0), pixel(image, layout.x(78 * MS), taker));
        assertEquals(color(Ink.LANE_ALTERNATE), pixel(image, layout.x(83 * MS), taker), "a given back: no stripe");
        assertEquals(color(Ink.BACKGROUND), pixel(image, layout.x(50 * MS), waiter), "Waiter holds nothing while it waits");
        assertEquals(color(Ink.LOCK_HELD_0), pixel(image, layout.x(83 * MS), waiter), "Waiter holds a once handed over");
        assertEquals(color(Ink.BACKGROUND), pixel(image, layout.x(22 * MS), stripeMiddle(layout, 0)), "MainThread holds none");
        // the stripe keeps to the lane's padding: the bar above it keeps its colour to its bottom row
        double barBottom = layout.laneTop(1) + layout.laneHeight - Math.max(2, Math.floor(layout.laneHeight * 0.1));
        assertEquals(color(Ink.RUNNING), pixel(image, layout.x(12 * MS), barBottom - 1));
        assertEquals(color(Ink.LANE_ALTERNATE), pixel(image, layout.x(12 * MS), stripeTop(layout, 1) - 1),
                "a pixel of air between bar and stripe");
    }

    /** Text on a tag: whiter than the lane's light grey ground. */
    private static boolean white(int rgb) {
        return ((rgb >> 16) & 0xFF) > 246 && ((rgb >> 8) & 0xFF) > 246 && (rgb & 0xFF) > 246;
    }

    @Test
    void aWideStripeNamesWhatIsHeldOnATagOfItsColour() throws Exception {
        PngPicture.Rendered picture = PngPicture.render(null, nestedLocks(), WIDTH, HEIGHT, false);
        BufferedImage image = picture.image();
        StageLayout layout = picture.layout();
        double bottom = stripeTop(layout, 1) + stripeHeight(layout);
        double tagHeight = layout.metrics.smallFont() + 6;
        double middle = layout.x(45 * MS);
        int tag = 0;
        int light = 0;
        for (int y = (int) (bottom - tagHeight); y < bottom; y++) {
            for (int x = (int) middle - 40; x < middle + 40; x++) {
                int rgb = image.getRGB(x, y);
                tag += hex(rgb).equals(color(Ink.LOCK_HELD_1)) ? 1 : 0;
                light += white(rgb) ? 1 : 0;
            }
        }
        assertTrue(tag > 80 * tagHeight / 2, "a tag of b's colour in the middle of Taker's a + b holding: " + tag);
        assertTrue(light > 40, "with white text on it (holds a + b): " + light);
        int lightBeside = 0;
        for (int y = (int) (bottom - tagHeight); y < bottom; y++) {
            for (int x = (int) layout.x(31 * MS); x < layout.x(36 * MS); x++) {
                int rgb = image.getRGB(x, y);
                lightBeside += white(rgb) ? 1 : 0;
            }
        }
        assertEquals(0, lightBeside, "no text at the holding's start");
    }

    @Test
    void theHoverOfALaneListsTheLocksHeldInTheOrderTaken() throws Exception {
        TraceStore store = nestedLocks();
        StageLayout layout = PngPicture.render(null, store, WIDTH, HEIGHT, false).layout();
        assertEquals("Taker (tid 1)\nrunning\n5.000 ms \u2192 98.000 ms  (93.000 ms)\nholds locks a, b",
                StageHover.describe(store, layout, layout.x(45 * MS), layout.laneCenter(1), Long.MAX_VALUE));
        assertEquals("Taker (tid 1)\nrunning\n5.000 ms \u2192 98.000 ms  (93.000 ms)\nholds lock a",
                StageHover.describe(store, layout, layout.x(70 * MS), layout.laneCenter(1), Long.MAX_VALUE));
        assertEquals("Waiter (tid 2)\nwaiting: lock on a\n40.000 ms \u2192 80.000 ms  (40.000 ms)",
                StageHover.describe(store, layout, layout.x(50 * MS), layout.laneCenter(2), Long.MAX_VALUE));
    }

    @Test
    void theLegendNamesEachLocksColourAndTheTagsReadOnThem() {
        TraceStore store = nestedLocks();
        List<String> labels = Legend.entries(store).stream().map(Legend.Entry::label).toList();
        assertTrue(labels.contains("holds lock a") && labels.contains("holds lock b"), labels.toString());
        StageColours palette = StageColours.defaults();
        for (int lock = 0; lock < Ink.LOCK_COLORS; lock++) {
            double ratio = Contrast.ratio(palette.rgb(Ink.TEXT_ON_LOCK), palette.rgb(Ink.held(lock)));
            assertTrue(ratio >= 4.5, "tag text on lock colour " + lock + ": " + ratio);
        }
        TraceBuilder many = new TraceBuilder().at(0).thread(0, "MainThread", "main", false).running(0);
        for (String lock : new String[] {"a", "b", "c", "d", "e", "f"}) {
            many.lock(lock, 0);
        }
        List<String> shared = Legend.entries(many.store()).stream().map(Legend.Entry::label)
                .filter(label -> label.startsWith("holds")).toList();
        assertEquals(List.of("holds locks a, e", "holds locks b, f", "holds lock c", "holds lock d"), shared);
        TraceBuilder python = new TraceBuilder().at(0).thread(0, "MainThread", "main", false).running(0)
                .lock("lock", 0).lock("counter_lock", 0);
        assertEquals(List.of("holds lock", "holds counter_lock"), Legend.entries(python.store()).stream()
                .map(Legend.Entry::label).filter(label -> label.startsWith("holds")).toList(), "no 'holds lock lock'");
    }

    @Test
    void highContrastStripesTakeTheirColoursFromItsSheet() throws Exception {
        PngPicture.Rendered picture = PngPicture.render(null, nestedLocks(), WIDTH, HEIGHT, true);
        StageLayout layout = picture.layout();
        assertEquals("#b3a6ff", pixel(picture.image(), layout.x(12 * MS), stripeMiddle(layout, 1)));
        assertEquals("#ff5c8a", pixel(picture.image(), layout.x(33 * MS), stripeMiddle(layout, 1)));
    }

    private static List<TraceEvent> runOnTheCore(Scenario scenario) {
        RunOptions options = RunOptions.defaults();
        TraceRecorder recorder = new TraceRecorder(ScenarioRun.header(scenario, options, Instant.now()));
        ScenarioRun run = ScenarioRun.start(scenario, options, recorder);
        assertTrue(run.awaitEnd(Duration.ofSeconds(20)), "the run ends");
        return recorder.events();
    }

    @Test
    void anRLockTakenAgainByItsOwnerStaysOneHolding() throws Exception {
        String document = "{\"format\":\"threadstage/1\",\"title\":\"nested\",\"resources\":[{\"kind\":\"rlock\",\"name\":\"r\"}],"
                + "\"workers\":[{\"name\":\"W\",\"style\":\"target\",\"function\":\"work\",\"steps\":["
                + "{\"with\":\"r\",\"do\":[{\"sleep\":20},{\"with\":\"r\",\"do\":[{\"sleep\":20}]},{\"sleep\":20}]}]}],"
                + "\"main\":[{\"start\":\"W\"},{\"join\":\"W\"}]}";
        Scenario scenario = new ScenarioLoader().parse("nested.json", document.getBytes(StandardCharsets.UTF_8));
        List<TraceEvent> events = runOnTheCore(scenario);
        List<String> owners = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (TraceEvent event : events) {
            if (event instanceof TraceEvent.LockOwner l) {
                owners.add(l.on() + "=" + l.owner());
                times.add(l.t());
            }
        }
        assertEquals(List.of("r=1", "r=-1"), owners, "one lock event when W takes r, one when it gives r up");
        TraceStore store = new TraceStore();
        events.forEach(store::append);
        int lane = store.laneOfTid(1);
        List<String> whole = new ArrayList<>();
        List<String> all = new ArrayList<>();
        store.holds(lane, lane + 1, store.startNanos(), store.endNanos() + 1, 1000, Long.MAX_VALUE,
                (l, x0, x1, lock, count, start, end, mixed) -> {
                    all.add(store.lockName(lock) + " x" + count);
                    if (!mixed) {
                        whole.add(store.lockName(lock) + " x" + count + " " + start + ".." + end);
                    }
                });
        assertEquals(List.of("r x1 " + times.get(0) + ".." + times.get(1)), whole,
                "one holding from the first acquire to the last release, across the nested one");
        assertTrue(all.stream().allMatch("r x1"::equals), "the columns where it starts and ends show r too: " + all);
        long nested = times.get(0) + (times.get(1) - times.get(0)) / 2;
        assertArrayEquals(new int[] {0}, store.locksHeldAt(lane, nested, Long.MAX_VALUE), "inside the nested with: r, once");
    }

    @Test
    void theDeadlockLessonEndsWithEachThreadHoldingTheLockTheOtherWants() throws Exception {
        List<TraceEvent> events = runOnTheCore(new ScenarioLoader().load("lesson:deadlock"));
        TraceStore store = new TraceStore();
        events.forEach(store::append);
        assertEquals(Outcome.DEADLOCK, store.outcome());
        long end = store.endNanos();
        for (int lane = 0; lane < store.laneCount(); lane++) {
            int[] held = store.locksHeldAt(lane, end, Long.MAX_VALUE);
            String name = store.lane(lane).name();
            String[] names = new String[held.length];
            for (int i = 0; i < held.length; i++) {
                names[i] = store.lockName(held[i]);
            }
            String[] expected = name.equals("Left") ? new String[] {"a"} : name.equals("Right") ? new String[] {"b"}
                    : new String[0];
            assertArrayEquals(expected, names, name + " at the end");
        }
    }
}
