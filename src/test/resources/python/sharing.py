"""Test"""

import threading
import time


def produce():
    time.sleep(0.1)


def produce_2():
    time.sleep(0.2)


if __name__ == "__main__":
    produce_thread = threading.Thread(target=produce, name="Produce")
    worker_2 = threading.Thread(target=produce, name="Worker-2")
    worker_3 = threading.Thread(target=produce_2, name="Worker-3")

    produce_thread.start()
