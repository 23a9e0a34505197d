"""Test"""

import queue
import threading
import time


class QuotaError(Exception):
    pass


def compute(ms):
    """Keep the CPU busy for ms milliseconds of this thread's own CPU time."""
    deadline = time.thread_time() + ms / 1000
    while time.thread_time() < deadline:
        pass


lock = threading.Lock()
jobs = queue.Queue(maxsize=3)
stop = threading.Event()
total = 0


def loop(rounds):
    global total
    for _ in range(rounds):
        with lock:
            total += 1
    for _ in range(2):
        pass
    while not stop.is_set():
        compute(100)
        stop.wait(0.5)
    while not stop.is_set():
        time.sleep(0.25)
    while (item := jobs.get()) is not None:
        print(item)
        jobs.task_done()
    while (item := jobs.get()) != "stop":
        pass
    try:
        raise QuotaError("full")
    except QuotaError as error:
        print(f"caught {error}")
    try:
        jobs.get(timeout=0.1)
    except queue.Empty:
        print("nothing")
    try:
        pass
    except Exception:
        pass


if __name__ == "__main__":
    looper = threading.Thread(target=loop, args=(4,), name="Looper")

    looper.start()
    total += 1
