package io.threadstage.jfr.programs;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Producer and Consumer over an {@link ArrayBlockingQueue} of 2: first the producer is slow, so
 * the consumer waits on the empty queue; then the consumer is slow, so the producer waits on
 * the full one.
 */
public final class ProducerConsumer {

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(2);
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < 3; i++) {
                    Programs.sleep(40);
                    queue.put(i);
                }
                for (int i = 3; i < 8; i++) {
                    queue.put(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "Producer");
        Thread consumer = new Thread(() -> {
            try {
                for (int i = 0; i < 3; i++) {
                    queue.take();
                }
                for (int i = 3; i < 8; i++) {
                    Programs.sleep(40);
                    queue.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "Consumer");
        consumer.start();
        // a thread's start is recorded by the thread itself once it runs: a moment apart, so the lanes' order is known
        Programs.sleep(20);
        producer.start();
        producer.join();
        consumer.join();
    }
}
