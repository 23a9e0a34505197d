# Failing raises ValueError: excepthook reports it, and the program still exits 0.
import threading


def fail():
    raise ValueError("bad value")


failing = threading.Thread(target=fail, name="Failing")
failing.start()
failing.join()
