import os
import threading

started = threading.Event()


def linger():
    started.set()
    threading.Event().wait()


threading.Thread(target=linger, name="Lingerer").start()
started.wait()
print("MainThread leaves with os._exit(7) while Lingerer waits", flush=True)
os._exit(7)
