package io.threadstage.model;

import java.math.BigInteger;

/** A shared object of a scenario; every resource has a unique Python identifier as its name. */
public sealed interface Resource {

    String name();

    /** The {@code kind} key of the scenario format. */
    String kind();

    Resource withName(String newName);

    record Lock(String name) implements Resource {
        public String kind() { return "lock"; }
        public Lock withName(String newName) { return new Lock(newName); }
    }

    record RLock(String name) implements Resource {
        public String kind() { return "rlock"; }
        public RLock withName(String newName) { return new RLock(newName); }
    }

    record Event(String name) implements Resource {
        public String kind() { return "event"; }
        public Event withName(String newName) { return new Event(newName); }
    }

    /** {@code queue.Queue(maxsize)}; 0 is unbounded. */
    record Queue(String name, int maxsize) implements Resource {
        public String kind() { return "queue"; }
        public Queue withName(String newName) { return new Queue(newName, maxsize); }
    }

    /** {@code ThreadPoolExecutor(max_workers)}, 1..64. */
    record Executor(String name, int maxWorkers) implements Resource {
        public String kind() { return "executor"; }
        public Executor withName(String newName) { return new Executor(newName, maxWorkers); }
    }

    /** {@code threading.local()}: one {@code value} attribute per thread. */
    record Local(String name) implements Resource {
        public String kind() { return "local"; }
        public Local withName(String newName) { return new Local(newName); }
    }

    /** A shared integer (Python's, unbounded), incremented with a read-modify-write that can lose updates. */
    record Counter(String name, BigInteger value) implements Resource {
        public Counter(String name, long value) { this(name, BigInteger.valueOf(value)); }
        public String kind() { return "counter"; }
        public Counter withName(String newName) { return new Counter(newName, value); }
    }
}
