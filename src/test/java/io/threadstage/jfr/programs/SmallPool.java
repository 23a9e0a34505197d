package io.threadstage.jfr.programs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fixed pool of two threads runs four tasks of 60 ms (sleeping) while main waits for each
 * future in turn, then shuts the pool down. With an argument, exits with that status (for the
 * exit status {@code record} passes through).
 */
public final class SmallPool {

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int task = i;
            results.add(pool.submit(() -> {
                Thread.sleep(60);
                return task;
            }));
        }
        for (Future<Integer> result : results) {
            result.get();
        }
        pool.shutdown();
        pool.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        if (args.length > 0) {
            System.out.println("pool done");
            System.exit(Integer.parseInt(args[0]));
        }
    }
}
