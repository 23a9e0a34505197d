import threading
import time


def tick():
    while True:
        time.sleep(0.01)


threading.Thread(target=tick, name="Ticker").start()
print("MainThread runs forever", flush=True)
threading.Event().wait()
