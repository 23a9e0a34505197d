# A Thread subclass that overrides run(): the task and its state live on the thread object.
import threading


class CounterThread(threading.Thread):
    def __init__(self, limit):
        super().__init__(name=f"Counter-{limit}")
        self.limit = limit
        self.total = 0

    def run(self):
        for n in range(1, self.limit + 1):
            self.total += n
        self.ran_in = threading.current_thread().name


counters = [CounterThread(3), CounterThread(5)]
for counter in counters:
    counter.start()
for counter in counters:
    counter.join()
for counter in counters:
    print(f"{counter.name}: run() ran in {counter.ran_in}, total {counter.total}")
