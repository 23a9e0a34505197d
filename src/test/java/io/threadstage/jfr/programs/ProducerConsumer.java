package io.threadstage.jfr.programs;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Producer and Consumer over an {@link ArrayBlockingQueue} of 2: first the producer is slow
 * (40 ms a put, each once the consumer waits), so the consumer waits on the empty queue; then
 * the consumer is slow (40 ms a take, each once the producer waits or is done), so the producer
 * waits on the full one. The waits are awaited, so they happen however slow the machine.
 */
public final class ProducerConsumer {

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(2);
        Thread[] producer = new Thread[1];
        Thread consumer = new Thread(() -> {
            try {
                for (int i = 0; i < 3; i++) {
                    queue.take();
                }
                for (int i = 3; i < 8; i++) {
                    Programs.sleep(40);
                    Programs.awaitState(producer[0], Thread.State.WAITING);
                    queue.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "Consumer");
        producer[0] = new Thread(() -> {
            try {
                for (int i = 0; i < 3; i++) {
                    Programs.sleep(40);
                    Programs.awaitState(consumer, Thread.State.WAITING);
                    queue.put(i);
                }
                for (int i = 3; i < 8; i++) {
                    queue.put(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "Producer");
        consumer.start();
        // a thread's start is recorded by the thread itself once it runs: the consumer first, so the lanes' order is known
        Programs.awaitState(consumer, Thread.State.WAITING);
        producer[0].start();
        producer[0].join();
        consumer.join();
    }
}
