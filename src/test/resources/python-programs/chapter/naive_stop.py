# The naive way to stop a thread: a flag checked between sleeps. It works, but only at the next check.
import threading
import time

running = True
checked = threading.Event()


def poll():
    while running:
        time.sleep(0.05)
        checked.set()
    print(f"{threading.current_thread().name} saw the flag down")


worker = threading.Thread(target=poll, name="NaivePoller")
worker.start()
checked.wait()
running = False
worker.join()
print(f"{worker.name} alive={worker.is_alive()}")
