package io.threadstage.picture;

import io.threadstage.model.Resource;
import io.threadstage.model.Scenario;

/**
 * What a live run will need room for, known from its scenario before its threads exist: the
 * stage sizes its lanes for these from the first frame, so they keep their size while threads
 * appear instead of shrinking at each one. An upper bound: a pool may start fewer threads than
 * its {@code max_workers}. Immutable.
 *
 * @param lanes  threads: MainThread, every worker, every pool's {@code max_workers}
 * @param queues strips under the lanes: queues and counters
 * @param gil    whether the GIL strip will show
 */
public record StageRoom(int lanes, int queues, boolean gil) {

    /** No expectation: a finished trace knows its own size. */
    public static final StageRoom NONE = new StageRoom(0, 0, false);

    public static StageRoom of(Scenario scenario) {
        int lanes = 1 + scenario.workers().size();
        int queues = 0;
        for (Resource resource : scenario.resources()) {
            if (resource instanceof Resource.Executor pool) {
                lanes += pool.maxWorkers();
            } else if (resource instanceof Resource.Queue || resource instanceof Resource.Counter) {
                queues++;
            }
        }
        return new StageRoom(lanes, queues, scenario.settings().gil());
    }
}
