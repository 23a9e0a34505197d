# Results handed back through a queue.Queue, which needs no lock of the program's own.
import queue
import threading

result_queue = queue.Queue()


def cube(n):
    result_queue.put((n, n ** 3, threading.current_thread().name))


workers = [threading.Thread(target=cube, args=(n,), name=f"Cuber-{n}") for n in range(1, 4)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
collected = []
while True:
    # every worker has put its result: the last get waits out its timeout on an empty queue
    try:
        collected.append(result_queue.get(timeout=0.1))
    except queue.Empty:
        break
for n, value, name in sorted(collected):
    print(f"{name} put {n}**3={value}")
print(f"queue empty: {result_queue.empty()}")
