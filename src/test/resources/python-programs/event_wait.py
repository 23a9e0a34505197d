# Waiter waits on the event; Setter sets it after 0.2 s.
import threading
import time

ready = threading.Event()


def wait_for_ready():
    ready.wait()


def set_ready():
    time.sleep(0.2)
    ready.set()


waiter = threading.Thread(target=wait_for_ready, name="Waiter")
setter = threading.Thread(target=set_ready, name="Setter")
waiter.start()
setter.start()
waiter.join()
setter.join()
