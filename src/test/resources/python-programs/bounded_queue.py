# A producer puts 6 items into a queue of 2 faster than the consumer gets them: it must wait on put.
import queue
import threading
import time

items = queue.Queue(maxsize=2)


def produce():
    for n in range(6):
        items.put(n)
    items.put(None)


def consume():
    while (item := items.get()) is not None:
        time.sleep(0.05)


producer = threading.Thread(target=produce, name="Producer")
consumer = threading.Thread(target=consume, name="Consumer")
producer.start()
consumer.start()
producer.join()
consumer.join()
