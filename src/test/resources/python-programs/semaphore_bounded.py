# As semaphore_slots.py with a BoundedSemaphore: three workers, two slots, Worker-3 must wait for one.
import threading

slots = threading.BoundedSemaphore(2)
took = threading.Event()
gave_up = threading.Event()


def hold(name):
    with slots:
        print(name, "took a slot")
        took.set()
        # a slot stays taken until Worker-3 has seen that none is free
        gave_up.wait()


def come_late():
    # both slots are held until gave_up is set, so this timed attempt fails for sure
    if not slots.acquire(timeout=0.2):
        print("Worker-3 found no free slot")
    gave_up.set()
    with slots:
        print("Worker-3 got a slot")


workers = [threading.Thread(target=hold, args=("Worker-%d" % n,), name="Worker-%d" % n) for n in (1, 2)]
for worker in workers:
    # one at a time, so the lines come in the same order on every run
    took.clear()
    worker.start()
    took.wait()
late = threading.Thread(target=come_late, name="Worker-3")
late.start()
for worker in workers + [late]:
    worker.join()
