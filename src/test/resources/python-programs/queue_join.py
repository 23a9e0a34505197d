# MainThread puts three tasks and waits in join() until Worker has marked each one done.
import queue
import threading
import time

tasks = queue.Queue()
joining = threading.Event()


def work():
    for n in range(3):
        task = tasks.get()
        print("Worker did task", task)
        if n == 2:
            # the last task_done waits for MainThread to be on its way into join(), so join has
            # work left to wait for; the short sleep covers the few steps from set() to join()
            joining.wait()
            time.sleep(0.1)
        tasks.task_done()


worker = threading.Thread(target=work, name="Worker")
for n in range(3):
    tasks.put(n)
worker.start()
joining.set()
tasks.join()
print("MainThread waited until all 3 tasks were done")
worker.join()
