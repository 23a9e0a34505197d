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
        int count = 300_000;
        EventChunk from = new EventChunk(count);
        for (int seq = 0; seq < count; seq++) {
            from.t[seq] = seq * 3L + (1L << 40);
            from.a[seq] = seq;
            from.b[seq] = -seq;
            from.c[seq] = seq ^ 0x5555;
            from.tid[seq] = (short) (seq % 30_000 - 1);
            from.kind[seq] = (byte) (seq % 12 + 1);
            from.flags[seq] = (byte) (seq % 128);
        }
        // Runs of uneven lengths, cut where a chunk ends, as the merge makes them.
        java.util.Random random = new java.util.Random(7);
        int seq = 0;
        while (seq < count) {
            int length = Math.min(Math.min(1 + random.nextInt(5_000), count - seq), store.roomAt(seq));
            store.putRun(seq, from, seq, length);
            seq += length;
        }
        EventChunk back = new EventChunk(1);
        for (seq = 0; seq < count; seq++) {
            store.get(seq, back);
            if (back.t[0] != seq * 3L + (1L << 40) || back.a[0] != seq || back.b[0] != -seq || back.c[0] != (seq ^ 0x5555)
                    || back.tid[0] != (short) (seq % 30_000 - 1) || back.kind[0] != seq % 12 + 1 || back.flags[0] != seq % 128) {
                assertEquals(seq, -1, "column mismatch at seq " + seq);
            }
        }
        assertEquals(24L * (1024 + 2048 + 4096 + 8192 + 16384 + 32768 + 65536 * 4), store.offHeapBytes());
    }
}
