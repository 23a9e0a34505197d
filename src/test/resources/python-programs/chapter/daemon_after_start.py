# Setting daemon after start() raises RuntimeError: uncaught here, so the main thread fails (status 1);
# the worker is not a daemon and still runs to its end after the main thread's error.
import threading


def work():
    # returns once the main thread has finished its code (with the error)
    threading.main_thread().join()
    print(f"{threading.current_thread().name} ran on after MainThread ended "
          f"(MainThread alive={threading.main_thread().is_alive()})")


worker = threading.Thread(target=work, name="Worker")
worker.start()
print(f"{worker.name} alive={worker.is_alive()} daemon={worker.daemon}")
worker.daemon = True
print("never printed")
