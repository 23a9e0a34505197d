package io.threadstage.export;

import io.threadstage.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Encodes a clip's frames (a GIF or an MP4) on a thread of its own, or on the executor the caller
 * gives (the window's file thread), while another thread paints them (the window's FX thread, or
 * the command line's main thread): painted frames wait in a short
 * queue, which bounds the memory (a 720p frame is 3.7 MB). The GIF is written through an
 * {@link AtomicFile}: moved over the target only when whole, so a cancelled or failed clip
 * leaves the target as it was and no part file.
 *
 * <p>Threads: frames are handed over and the clip cancelled from the painting thread; the
 * encoding thread owns the writer. {@link #done()} completes on the encoding thread.
 */
public final class ClipEncoder {

    /** Frames painted but not yet encoded. */
    static final int QUEUE_FRAMES = 4;

    /** Writes frames in one format to a part file; owned by the encoding thread. */
    interface FrameWriter extends AutoCloseable {
        void write(int[] argb, int k) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** Opens a {@link FrameWriter} on the part file, on the encoding thread. */
    interface FrameWriterOpener {
        FrameWriter open(Path partFile) throws IOException;
    }

    private final int frameCount;
    private final FrameWriterOpener opener;
    private final Path out;
    private final AtomicFile file;
    private final BlockingQueue<int[]> queue = new ArrayBlockingQueue<>(QUEUE_FRAMES);
    private final AtomicInteger encoded = new AtomicInteger();
    private final CompletableFuture<Path> done = new CompletableFuture<>();
    private volatile boolean cancelled;

    private ClipEncoder(Path out, int frameCount, FrameWriterOpener opener) throws IOException {
        this.out = out;
        this.frameCount = frameCount;
        this.opener = opener;
        file = AtomicFile.create(out);
    }

    /** Starts encoding a GIF on a thread of its own. Fails at once when no temporary file can be made beside {@code out}. */
    public static ClipEncoder start(Path out, ClipSettings settings, ClipPlan plan) throws IOException {
        return start(out, settings, plan, ClipEncoder::ownThread);
    }

    /** Starts encoding a GIF on {@code encoding}. Fails at once when no temporary file can be made beside {@code out}. */
    public static ClipEncoder start(Path out, ClipSettings settings, ClipPlan plan, Executor encoding) throws IOException {
        int width = settings.width();
        int height = settings.height();
        return start(out, plan.frameCount(), partFile -> {
            GifClipWriter gif = new GifClipWriter(partFile);
            return new FrameWriter() {
                @Override
                public void write(int[] argb, int k) throws IOException {
                    gif.write(argb, width, height, plan.delayOf(k));
                }

                @Override
                public void close() throws IOException {
                    gif.close();
                }
            };
        }, encoding);
    }

    /** Starts encoding an MP4 (H.264). Fails at once when no temporary file can be made beside {@code out}. */
    public static ClipEncoder startVideo(Path out, ClipSettings settings, VideoPlan plan) throws IOException {
        return start(out, plan.frameCount(), partFile -> {
            Mp4ClipWriter video = new Mp4ClipWriter(partFile, settings.width(), settings.height(), plan.fps());
            return new FrameWriter() {
                @Override
                public void write(int[] argb, int k) throws IOException {
                    video.write(argb);
                }

                @Override
                public void close() throws IOException {
                    video.close();
                }
            };
        }, ClipEncoder::ownThread);
    }

    private static ClipEncoder start(Path out, int frameCount, FrameWriterOpener opener, Executor encoding)
            throws IOException {
        ClipEncoder encoder = new ClipEncoder(out, frameCount, opener);
        encoding.execute(encoder::encode);
        return encoder;
    }

    private static void ownThread(Runnable encoding) {
        Thread thread = new Thread(encoding, "clip-encoder");
        thread.setDaemon(true);
        thread.start();
    }

    /** How many frames the clip has. */
    public int frameCount() {
        return frameCount;
    }

    /** Whether a frame handed over now is taken at once. */
    public boolean hasRoom() {
        return queue.remainingCapacity() > 0;
    }

    /** Hands over the next frame (opaque ARGB, row by row, not changed afterwards) if there is room; false if not. */
    public boolean offer(int[] argb) {
        return queue.offer(argb);
    }

    /**
     * Hands over the next frame, waiting for room; returns false, the frame dropped, when the
     * clip ended meanwhile (failed or cancelled: {@link #done()} says which).
     */
    public boolean put(int[] argb) throws InterruptedException {
        while (!done.isDone() && !cancelled) {
            if (queue.offer(argb, 200, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    /** How many frames are encoded so far. */
    public int encoded() {
        return encoded.get();
    }

    /** Completes with the written file, or exceptionally (a {@link CancellationException} when cancelled). */
    public CompletableFuture<Path> done() {
        return done;
    }

    /** Stops encoding; the temporary file goes, the target stays as it was. */
    public void cancel() {
        cancelled = true;
    }

    /** Ends the clip because a frame could not be painted: {@link #done()} completes with {@code why}. */
    public void fail(IOException why) {
        cancelled = true;
        done.completeExceptionally(why);
    }

    private void encode() {
        try {
            try (FrameWriter writer = opener.open(file.temporary())) {
                for (int k = 0; k < frameCount; k++) {
                    writer.write(nextFrame(), k);
                    encoded.incrementAndGet();
                }
            }
            if (cancelled) {
                throw new CancellationException("clip export cancelled");
            }
            file.commit();
            done.complete(out);
        } catch (IOException | RuntimeException | Error failed) {
            done.completeExceptionally(failed);
        } catch (InterruptedException interrupted) {
            done.completeExceptionally(new CancellationException("interrupted"));
        } finally {
            // a cancelled or failed clip leaves no part file; after a commit this does nothing
            file.close();
        }
    }

    private int[] nextFrame() throws InterruptedException {
        while (true) {
            if (cancelled) {
                throw new CancellationException("clip export cancelled");
            }
            int[] frame = queue.poll(200, TimeUnit.MILLISECONDS);
            if (frame != null) {
                return frame;
            }
        }
    }
}
