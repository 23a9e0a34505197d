package io.threadstage.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MergedStoreTest {

    @Test
    void seqsMapOntoDoublingChunksThenFullSizeOnesWithoutGapsOrOverlaps() {
        long seq = 0;
        for (int index = 0; index < 12; index++) {
            int size = MergedStore.chunkSize(index);
            assertEquals(1 << Math.min(10 + index, 16), size);
            for (int slot = 0; slot < size; slot++, seq++) {
                if (MergedStore.chunkIndex(seq) != index) {
                    assertEquals(index, MergedStore.chunkIndex(seq), "chunk of seq " + seq);
                }
            }
        }
    }

    @Test
    void everyColumnComesBackAcrossChunkBoundaries() {
        MergedStore store = new MergedStore();
        EventChunk from = new EventChunk(1);
        int count = 300_000;
        for (int seq = 0; seq < count; seq++) {
            from.t[0] = seq * 3L + (1L << 40);
            from.a[0] = seq;
            from.b[0] = -seq;
            from.c[0] = seq ^ 0x5555;
            from.tid[0] = (short) (seq % 30_000 - 1);
            from.kind[0] = (byte) (seq % 12 + 1);
            from.flags[0] = (byte) (seq % 128);
            store.put(seq, from, 0);
        }
        EventChunk back = new EventChunk(1);
        for (int seq = 0; seq < count; seq++) {
            store.get(seq, back);
            if (back.t[0] != seq * 3L + (1L << 40) || back.a[0] != seq || back.b[0] != -seq || back.c[0] != (seq ^ 0x5555)
                    || back.tid[0] != (short) (seq % 30_000 - 1) || back.kind[0] != seq % 12 + 1 || back.flags[0] != seq % 128) {
                assertEquals(seq, -1, "column mismatch at seq " + seq);
            }
        }
        assertEquals(24L * (1024 + 2048 + 4096 + 8192 + 16384 + 32768 + 65536 * 4), store.offHeapBytes());
    }
}
