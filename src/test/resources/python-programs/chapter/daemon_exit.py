# A daemon thread does not keep the interpreter alive: it is cut off when the main thread ends.
import threading
import time

beat = threading.Event()


def heartbeat():
    print(f"{threading.current_thread().name} started")
    while True:
        time.sleep(0.05)
        beat.set()


heartbeat_thread = threading.Thread(target=heartbeat, name="Heartbeat")
heartbeat_thread.daemon = True  # before start(): afterwards it is refused
heartbeat_thread.start()
beat.wait()
print(f"{heartbeat_thread.name} daemon={heartbeat_thread.daemon} alive={heartbeat_thread.is_alive()}")
print("MainThread ends; the daemon is still beating")
