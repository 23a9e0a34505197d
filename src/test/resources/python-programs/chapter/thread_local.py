# threading.local: one attribute name, a value of its own in every thread.
import threading

context = threading.local()
context.user = "main-user"
all_set = threading.Barrier(3)
seen = {}
seen_lock = threading.Lock()


def serve(user):
    context.user = user
    # every worker has set its value before any reads it back
    all_set.wait()
    with seen_lock:
        seen[threading.current_thread().name] = context.user


workers = [threading.Thread(target=serve, args=(f"user-{n}",), name=f"Session-{n}") for n in (1, 2, 3)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
for name in sorted(seen):
    print(f"{name} saw context.user={seen[name]}")
print(f"MainThread still sees context.user={context.user}")
