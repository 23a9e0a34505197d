# Results in a shared list: every append is made under one Lock.
import threading

results = []
results_lock = threading.Lock()


def square(n):
    value = n * n
    with results_lock:
        results.append((n, value, threading.current_thread().name))


workers = [threading.Thread(target=square, args=(n,), name=f"Squarer-{n}") for n in range(1, 5)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
for n, value, name in sorted(results):
    print(f"{name} stored {n}*{n}={value}")
