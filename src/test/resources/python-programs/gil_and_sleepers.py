# Two threads count without pause and two sleep: the counters take turns holding the GIL, while
# the sleepers, which need no GIL to sleep, sleep at the same time.
import threading
import time


def spin():
    n = 0
    for _ in range(6_000_000):
        n += 1


def doze():
    time.sleep(0.4)


threads = [threading.Thread(target=spin, name="Spinner-A"), threading.Thread(target=spin, name="Spinner-B"),
           threading.Thread(target=doze, name="Sleeper-A"), threading.Thread(target=doze, name="Sleeper-B")]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("the spinners and the sleepers ended")
