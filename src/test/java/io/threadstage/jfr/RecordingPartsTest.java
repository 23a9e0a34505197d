package io.threadstage.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.io.TraceFileException;
import io.threadstage.trace.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's parts: the time order, the objects' names, the deadlock report, the cap. */
class RecordingPartsTest {

    @TempDir
    Path dir;

    @Test
    void changesSortByTimeThenThreadThenKindKeepingTheirOrderOtherwise() {
        Transitions changes = new Transitions(100);
        changes.add(20, 1, Transitions.RESUME, 0, -1, -1);
        changes.add(10, 1, Transitions.WAIT, 0, -1, -1);
        changes.add(10, 0, Transitions.WAIT, 0, -1, -1);
        changes.add(10, 1, Transitions.APPEAR, 0, -1, -1);
        changes.add(20, 1, Transitions.END, 0, -1, -1);
        changes.add(20, 1, Transitions.WAIT, 0, -1, -1);
        changes.sort();
        int[] expected = {2, 3, 1, 0, 5, 4};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], changes.at(i), "position " + i);
        }
    }

    @Test
    void moreChangesThanTheCapAreRefused() {
        Transitions changes = new Transitions(1100);
        for (int i = 0; i < 1100; i++) {
            changes.add(i, 0, Transitions.WAIT, 0, -1, -1);
        }
        assertThrows(Transitions.TooManyEvents.class, () -> changes.add(0, 0, Transitions.WAIT, 0, -1, -1));
    }

    @Test
    void objectsAreNamedByTheirClassAndNumberedOnlyWhenSeveralShareAName() {
        ObjectLabels labels = new ObjectLabels();
        int lock = labels.object("java.util.concurrent.locks.ReentrantLock$NonfairSync", 0x10);
        int first = labels.object("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject", 0x20);
        int second = labels.object("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject", 0x30);
        int account = labels.object("bank.Bank$Account", 0x40);
        int again = labels.object("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject", 0x20);
        labels.finish();
        assertEquals("ReentrantLock", labels.label(lock));
        assertEquals("Condition#1", labels.label(first));
        assertEquals("Condition#2", labels.label(second));
        assertEquals("Condition#1", labels.label(again));
        assertEquals("Bank.Account", labels.label(account));
        assertEquals(ObjectLabels.NONE, labels.object(null, 0));
    }

    @Test
    void arraysAreNamedAsTheSourceWritesThem() {
        assertEquals("int[]", ObjectLabels.shortName("[I"));
        assertEquals("Object[][]", ObjectLabels.shortName("[[Ljava.lang.Object;"));
        assertEquals("Bank.Account[]", ObjectLabels.shortName("[Lbank.Bank$Account;"));
    }

    @Test
    void liveLabelsNameEachObjectAsItComesTheFirstPlainly() {
        ObjectLabels labels = new ObjectLabels(true);
        int first = labels.object("java.lang.Object", 0x10);
        assertEquals("Object", labels.label(first), "named at once, before any finish");
        int second = labels.object("java.lang.Object", 0x20);
        int join = labels.text("Worker-1");
        assertEquals("Object#2", labels.label(second));
        assertEquals("Object", labels.label(labels.object("java.lang.Object", 0x10)));
        assertEquals("Worker-1", labels.label(join));
    }

    @Test
    void aThreadDumpsDeadlocksAreReadOnMonitorsAndOnLocks() {
        String dump = String.join("\n", "\"main\" #1 prio=5 os_prio=0 tid=0x1 nid=0x2 waiting on condition",
                "", "Found one Java-level deadlock:", "=============================",
                "\"Left\":", "  waiting to lock monitor 0x00007f97700086e0 (object 0x000000069ed374b0, a app.Deadlock$Knife),",
                "  which is held by \"Right\"", "",
                "\"Right\":", "  waiting for ownable synchronizer 0x000000071a1b2c30, (a java.util.concurrent.locks.ReentrantLock$NonfairSync),",
                "  which is held by \"Left\"", "",
                "Java stack information for the threads listed above:", "===================",
                "\"Left\":", "  waiting to lock monitor 0x1 (object 0x2, a java.lang.Object),", "  which is held by \"X\"",
                "Found 1 deadlock.");
        assertEquals(List.of(new DeadlockReport.Wait("Left", "app.Deadlock$Knife", 0x7f97700086e0L, "Right"),
                new DeadlockReport.Wait("Right", "java.util.concurrent.locks.ReentrantLock$NonfairSync", 0x71a1b2c30L,
                        "Left")), DeadlockReport.parse(dump));
        assertEquals(List.of(), DeadlockReport.parse("\"main\" #1 prio=5\n   java.lang.Thread.State: RUNNABLE\n"));
    }

    @Test
    void aRecordingMadeInProcessReadsAndALongerOneThanTheCapIsRefusedByName() throws Exception {
        Path file = dir.resolve("sleeps.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ThreadSleep").withThreshold(Duration.ZERO).withoutStackTrace();
            recording.start();
            for (int i = 0; i < 5; i++) {
                Thread.sleep(2);
            }
            recording.stop();
            recording.dump(file);
        }
        RecordedRun run = new RecordedRun(file, false);
        String me = Thread.currentThread().getName();
        assertTrue(run.waits(me, Reason.SLEEP).size() >= 5, run.events.toString());
        TraceFileException full = assertThrows(TraceFileException.class, () -> JavaRecording.read(file, false, 4));
        assertTrue(full.getMessage().startsWith(file + ": too many thread events: at most "), full.getMessage());
    }
}
