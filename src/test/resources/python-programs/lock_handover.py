# Holder takes the lock first and keeps it 0.3 s; Waiter blocks on it and gets it when Holder lets go.
import threading
import time

lock = threading.Lock()
holding = threading.Event()


def hold():
    with lock:
        holding.set()
        time.sleep(0.3)


def take():
    with lock:
        print("Waiter got the lock")


holder = threading.Thread(target=hold, name="Holder")
waiter = threading.Thread(target=take, name="Waiter")
holder.start()
holding.wait()
waiter.start()
holder.join()
waiter.join()
