"""Test"""

import threading
import time


def compute(ms):
    """Keep the CPU busy for ms milliseconds of this thread's own CPU time."""
    deadline = time.thread_time() + ms / 1000
    while time.thread_time() < deadline:
        pass


def greet(name, greeting):
    print(f"{greeting}, {name} from {threading.current_thread().name}")


def countdown_job(n):
    for _ in range(n):
        time.sleep(0.5)


class Plain(threading.Thread):
    def run(self):
        compute(100)


class Counter(threading.Thread):
    def __init__(self, limit, **kwargs):
        super().__init__(**kwargs)
        self.limit = limit

    def run(self):
        for _ in range(self.limit):
            print(self.limit)


class Task:
    def __call__(self):
        time.sleep(0.1)


class Greeting:
    def __init__(self, word):
        self.word = word

    def __call__(self):
        print(self.word)


if __name__ == "__main__":
    greeter = threading.Thread(target=greet, args=("Ada",), kwargs={"greeting": "Hello"}, name="Greeter", daemon=True)
    ticker = threading.Thread(target=lambda: print("tick"), name="Ticker")
    countdown = threading.Thread(target=lambda: countdown_job(2))
    idle = threading.Thread(target=lambda: None, name="Idle")
    plain = Plain(name="Plain")
    counter = Counter(3, name="Counter", daemon=True)
    bare = threading.Thread(target=Task(), name="Bare")
    stateful = threading.Thread(target=Greeting("hi"))

    greeter.start()
    ticker.start()
