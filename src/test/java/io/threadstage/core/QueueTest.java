package io.threadstage.core;

import static io.threadstage.core.Build.scenario;
import static io.threadstage.core.Build.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadstage.model.Resource;
import io.threadstage.model.Step;
import io.threadstage.model.Value;
import io.threadstage.trace.Outcome;
import io.threadstage.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class QueueTest {

    @Test
    void aBoundedQueueBlocksTheProducerWhileFullAndRecordsDepths() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Queue("jobs", 1))
                .resource(new Resource.Event("go"))
                .worker(target("Producer", "produce", new Step.Put("jobs", Value.of(1), null),
                        new Step.Put("jobs", Value.of(2), null), new Step.Put("jobs", Value.NONE, null)))
                .worker(target("Consumer", "consume", new Step.Wait("go", null),
                        new Step.GetUntil("jobs", Value.NONE, Build.steps(new Step.Print("got {item}")))))
                .main(new Step.Start("Consumer"), new Step.Start("Producer"), new Step.Sleep(300),
                        new Step.SetEvent("go"), new Step.Join("Producer", null), new Step.Join("Consumer", null))
                .get()).finish();

        assertEquals(List.of("got 1", "got 2"), h.out);
        List<String> producer = h.lifecycle("Producer");
        assertEquals(List.of("created", "running", "waiting(queue_put jobs)", "running"), producer.subList(0, 4));
        List<String> depths = h.all(TraceEvent.QueueDepth.class).stream()
                .map(q -> q.op() + " " + q.depth() + "/" + q.maxsize()).toList();
        assertEquals(List.of("put 1/1", "get 0/1", "put 1/1", "get 0/1", "put 1/1", "get 0/1"), depths);
    }

    @Test
    void getWithTimeoutOnAnEmptyQueueRaisesEmpty() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Queue("jobs", 0))
                .main(new Step.Get("jobs", 20L)).get()).finish();

        assertEquals(List.of("Traceback (most recent call last):\n  File \"<scenario>\", in <module>\n_queue.Empty"),
                h.err);
        assertEquals("Empty", h.all(TraceEvent.ExceptionRaised.class).get(0).type());
        h.assertLifecycle("MainThread", "created", "running", "waiting(queue_get jobs)", "running",
                "terminated(exception)");
    }

    @Test
    void putWithTimeoutOnAFullQueueRaisesFull() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Queue("jobs", 1))
                .main(new Step.Put("jobs", Value.of(1), null), new Step.Try(Build.steps(
                        new Step.Put("jobs", Value.of(2), 20L)), "queue.Full", Build.steps(new Step.Print("full"))),
                        new Step.Put("jobs", Value.of(3), 10L)).get()).finish();

        assertEquals(List.of("full"), h.out);
        assertTrue(h.err.get(0).endsWith("\nqueue.Full"), h.err.get(0));
    }

    @Test
    void joinQueueWaitsUntilEveryItemIsMarkedDone() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Queue("jobs", 0))
                .worker(target("Consumer", "consume", new Step.Repeat(2, Build.steps(new Step.Get("jobs", null),
                        new Step.Sleep(20), new Step.Print("done one"), new Step.TaskDone("jobs")))))
                .main(new Step.Put("jobs", Value.of("a"), null), new Step.Put("jobs", Value.of("b"), null),
                        new Step.Start("Consumer"), new Step.JoinQueue("jobs"), new Step.Print("all done")).get())
                .finish();

        assertEquals(List.of("done one", "done one", "all done"), h.out);
        assertTrue(h.lifecycle("MainThread").contains("waiting(queue_join jobs)"), h.lifecycle("MainThread").toString());
    }

    @Test
    void taskDoneTooOftenRaisesValueError() {
        Harness h = Harness.start(scenario()
                .resource(new Resource.Queue("jobs", 0))
                .main(new Step.TaskDone("jobs")).get()).finish();

        assertTrue(h.err.get(0).endsWith("\nValueError: task_done() called too many times"), h.err.get(0));
        assertEquals(Outcome.COMPLETED, h.outcome());
    }
}
