# The main thread joins Sleeper with a 0.1 s timeout (it times out), then joins it for good.
import threading
import time

sleeper = threading.Thread(target=time.sleep, args=(0.5,), name="Sleeper")
sleeper.start()
sleeper.join(timeout=0.1)
print("alive after timeout:", sleeper.is_alive())
sleeper.join()
