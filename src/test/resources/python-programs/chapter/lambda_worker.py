# A lambda as the target: fine for one simple step, its state reached through the closure.
import threading

totals = []
worker = threading.Thread(target=lambda: totals.append((threading.current_thread().name, sum(range(10)))),
                          name="LambdaWorker")
worker.start()
worker.join()
name, total = totals[0]
print(f"{name} computed {total}")
