# Python has no state enum: created is "ident is None", running is is_alive(), terminated is neither.
import threading

finish = threading.Event()


def state(thread):
    if thread.ident is None:
        return "created"
    return "running" if thread.is_alive() else "terminated"


worker = threading.Thread(target=finish.wait, name="Stateful")
print(f"{worker.name} is {state(worker)}")
worker.start()
print(f"{worker.name} is {state(worker)}")
finish.set()
worker.join()
print(f"{worker.name} is {state(worker)}")
