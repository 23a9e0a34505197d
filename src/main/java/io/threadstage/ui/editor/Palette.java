package io.threadstage.ui.editor;

import java.util.List;

/** The palette's groups of tiles, in the order the chapter introduces them. Stateless. */
public final class Palette {

    /** A titled group of tiles. */
    public record Group(String title, List<Tile> tiles) {
        public Group {
            tiles = List.copyOf(tiles);
        }
    }

    private static final List<Group> GROUPS = List.of(
            new Group("Workers", List.of(
                    worker("target", "Target function", "threading.Thread(target=work)"),
                    worker("lambda", "Lambda", "threading.Thread(target=lambda: ...)"),
                    worker("subclass", "Thread subclass", "class Worker(threading.Thread): def run(self)"),
                    worker("callable", "Callable object", "class Job: def __call__(self)"))),
            new Group("Resources", List.of(
                    resource("lock", "Lock", "threading.Lock()"),
                    resource("rlock", "RLock", "threading.RLock()"),
                    resource("event", "Event", "threading.Event()"),
                    resource("queue", "Queue", "queue.Queue(maxsize)"),
                    resource("executor", "Executor", "ThreadPoolExecutor(max_workers)"),
                    resource("local", "Thread-local", "threading.local()"),
                    resource("counter", "Counter", "a shared integer"))),
            new Group("Work and time", List.of(
                    step("compute", "compute", "a CPU-bound loop"),
                    step("sleep", "sleep", "time.sleep(s)"),
                    step("io", "I/O", "blocking I/O"),
                    step("print", "print", "print(f\"...\")"))),
            new Group("Locks", List.of(
                    step("acquire", "acquire", "lock.acquire(timeout=)"),
                    step("release", "release", "lock.release()"),
                    step("with", "with lock", "with lock:"))),
            new Group("Queues", List.of(
                    step("put", "put", "q.put(item)"),
                    step("get", "get", "q.get()"),
                    step(StepFactory.GET_UNTIL, "consumer loop", "while (item := q.get()) != sentinel:"),
                    step("task_done", "task_done", "q.task_done()"),
                    step("join_queue", "join queue", "q.join()"))),
            new Group("Events", List.of(
                    step("wait", "wait", "event.wait(timeout=)"),
                    step("set", "set", "event.set()"),
                    step("clear", "clear", "event.clear()"),
                    step("until", "until event", "while not event.is_set():"))),
            new Group("Threads", List.of(
                    step("start", "start", "t.start()"),
                    step("join", "join", "t.join(timeout=)"),
                    step("run", "run", "t.run()"),
                    step("is_alive", "is_alive", "print(t.is_alive())"),
                    step("set_daemon", "set daemon", "t.daemon = True"),
                    step("rename", "rename", "t.name = ..."))),
            new Group("Executors", List.of(
                    step("submit", "submit", "future = ex.submit(f)"),
                    step("result", "result", "future.result()"),
                    step("map", "map", "list(ex.map(f, items))"),
                    step("shutdown", "shutdown", "ex.shutdown(wait=True)"))),
            new Group("Locals and counters", List.of(
                    step("local_set", "local set", "local.value = v"),
                    step("local_get", "local get", "print(local.value)"),
                    step("increment", "increment", "counter += 1"))),
            new Group("Control flow", List.of(
                    step("repeat", "repeat", "for _ in range(n):"),
                    step("try", "try / except", "try: ... except E:"),
                    step("raise", "raise", "raise ValueError(...)"))),
            new Group("Introspection", List.of(
                    step("current_thread", "current_thread", "threading.current_thread().name"),
                    step("main_thread", "main_thread", "threading.main_thread().name"),
                    step("enumerate", "enumerate", "threading.enumerate()"),
                    step("active_count", "active_count", "threading.active_count()"))));

    private Palette() {
    }

    public static List<Group> groups() {
        return GROUPS;
    }

    public static List<Tile> all() {
        return GROUPS.stream().flatMap(group -> group.tiles().stream()).toList();
    }

    public static Tile tile(Tile.Kind kind, String id) {
        return all().stream().filter(t -> t.kind() == kind && t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tile " + kind + " " + id));
    }

    private static Tile worker(String id, String label, String python) {
        return new Tile(Tile.Kind.WORKER, id, label, python);
    }

    private static Tile resource(String id, String label, String python) {
        return new Tile(Tile.Kind.RESOURCE, id, label, python);
    }

    private static Tile step(String id, String label, String python) {
        return new Tile(Tile.Kind.STEP, id, label, python);
    }
}
