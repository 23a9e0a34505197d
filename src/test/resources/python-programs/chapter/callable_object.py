# A callable object as the target: it keeps state between calls without being a Thread itself.
import threading


class Multiplier:
    def __init__(self, factor):
        self.factor = factor
        self.calls = []

    def __call__(self, value):
        self.calls.append((threading.current_thread().name, value * self.factor))


triple = Multiplier(3)
for value in (2, 7):
    # one after the other, so the calls are recorded in a fixed order
    worker = threading.Thread(target=triple, args=(value,), name=f"Multiplier-{value}")
    worker.start()
    worker.join()
for name, product in triple.calls:
    print(f"{name} computed {product}")
print(f"the target was a {type(triple).__name__} object, not a function; "
      f"the same object served {len(triple.calls)} threads")
