# Waiter waits on a condition until Notifier sets ready and notifies it.
import threading

cond = threading.Condition()
started = threading.Event()
ready = False


def wait_for_ready():
    with cond:
        # Waiter still holds cond here, so Notifier can only take it once wait() has let it go:
        # the wait is certain, whatever the scheduling.
        started.set()
        while not ready:
            cond.wait()
        print("Waiter waited on cond and was notified")


def notify():
    global ready
    started.wait()
    with cond:
        ready = True
        cond.notify()
        print("Notifier notified cond")


waiter = threading.Thread(target=wait_for_ready, name="Waiter")
notifier = threading.Thread(target=notify, name="Notifier")
waiter.start()
notifier.start()
waiter.join()
notifier.join()
