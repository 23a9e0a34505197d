# Holder takes the RLock twice (nested) and keeps it 0.3 s; Waiter blocks on it and gets it when
# Holder lets go of the outer hold, not the inner one.
import threading
import time

rlock = threading.RLock()
holding = threading.Event()


def hold():
    with rlock:
        with rlock:
            holding.set()
            time.sleep(0.1)
        time.sleep(0.2)


def take():
    with rlock:
        print("Waiter got the rlock")


holder = threading.Thread(target=hold, name="Holder")
waiter = threading.Thread(target=take, name="Waiter")
holder.start()
holding.wait()
waiter.start()
holder.join()
waiter.join()
