package io.threadstage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SiblingFilesTest {

    @TempDir
    Path dir;

    @Test
    void aTemporaryFileIsNewEmptyHiddenAndBesideItsTarget() throws Exception {
        Path target = dir.resolve("run.jsonl").toAbsolutePath();
        Path temp = SiblingFiles.create(target, ".tmp");
        assertEquals(target.getParent(), temp.getParent());
        assertTrue(temp.getFileName().toString().startsWith(".run.jsonl."), temp.toString());
        assertTrue(temp.getFileName().toString().endsWith(".tmp"), temp.toString());
        assertEquals(0, Files.size(temp));
    }

    @Test
    @Timeout(30)
    void writersAtOnceNeverShareATemporaryFile() throws Exception {
        Path target = dir.resolve("run.jsonl").toAbsolutePath();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Path>>> batches = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                batches.add(pool.submit(() -> {
                    List<Path> made = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        made.add(SiblingFiles.create(target, ".tmp"));
                    }
                    return made;
                }));
            }
            Set<Path> all = new HashSet<>();
            for (Future<List<Path>> batch : batches) {
                all.addAll(batch.get(20, TimeUnit.SECONDS));
            }
            assertEquals(8 * 200, all.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
