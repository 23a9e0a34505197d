# start() may be called once: the second call raises RuntimeError. Running the task again takes a new Thread.
import threading


def task():
    print(f"task ran in {threading.current_thread().name}")


first = threading.Thread(target=task, name="First")
first.start()
first.join()
try:
    first.start()
except RuntimeError as error:
    print(f"second start of {first.name}: RuntimeError: {error}")

again = threading.Thread(target=task, name="Again")
again.start()
again.join()
