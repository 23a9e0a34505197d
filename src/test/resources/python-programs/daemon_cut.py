# Background is a daemon that sleeps for ever; the program ends under it.
import threading
import time

background = threading.Thread(target=time.sleep, args=(60,), name="Background", daemon=True)
background.start()
time.sleep(0.1)
