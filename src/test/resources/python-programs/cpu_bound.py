# Two threads count without pause: under the GIL only one runs at a time.
import threading


def spin():
    n = 0
    for _ in range(4_000_000):
        n += 1


first = threading.Thread(target=spin, name="Spinner-A")
second = threading.Thread(target=spin, name="Spinner-B")
first.start()
second.start()
first.join()
second.join()
