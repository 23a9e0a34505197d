# What threading says about the threads there are: active_count, enumerate, current_thread, main_thread.
import threading

release = threading.Event()
ready = threading.Barrier(3)


def wait_for_release():
    ready.wait()
    release.wait()


workers = [threading.Thread(target=wait_for_release, name=f"Monitored-{n}") for n in (1, 2)]
for worker in workers:
    worker.start()
ready.wait()
print(f"active_count={threading.active_count()}")
print(f"enumerate={sorted(t.name for t in threading.enumerate())}")
print(f"current_thread={threading.current_thread().name} is main_thread: "
      f"{threading.current_thread() is threading.main_thread()}")
release.set()
for worker in workers:
    worker.join()
print(f"after join active_count={threading.active_count()}")
