"""Test"""

import queue
import threading
import time


def compute(ms):
    """Keep the CPU busy for ms milliseconds of this thread's own CPU time."""
    deadline = time.thread_time() + ms / 1000
    while time.thread_time() < deadline:
        pass


lock = threading.Lock()
jobs = queue.Queue()
stop = threading.Event()
data = threading.local()
hits = 5
rlock = threading.RLock()


def work():
    time.sleep(0.1)


if __name__ == "__main__":
    worker = threading.Thread(target=work, name="Worker")

    compute(150)
    time.sleep(2)
    time.sleep(0.25)  # simulated I/O
    time.sleep(0.05)  # simulated I/O: GET /
    lock.acquire()
    lock.release()
    rlock.acquire(timeout=0.5)
    jobs.put("a\"b")
    jobs.put(7, timeout=0.1)
    jobs.get()
    jobs.get(timeout=1)
    jobs.task_done()
    jobs.join()
    stop.wait()
    stop.wait(timeout=0.3)
    stop.set()
    stop.clear()
    worker.start()
    worker.run()
    worker.join()
    worker.join(timeout=0.001)
    print(worker.is_alive())
    worker.daemon = True
    worker.name = "W-2"
    data.value = [1, None, True]
    print(data.value)
    hits += 2
    print(f"{hits} {data.value} {{}} {{nope}}")
    print(threading.current_thread().name)
    print(threading.main_thread().name)
    print(", ".join(t.name for t in threading.enumerate()))
    print(threading.active_count())
    raise ValueError("bad")
