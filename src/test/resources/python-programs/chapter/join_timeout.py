# join(timeout) returns None either way: is_alive() says whether the thread finished. The exit status
# reports the timeout (3).
import sys
import threading

finish = threading.Event()
slow = threading.Thread(target=finish.wait, name="Slow")
slow.start()
result = slow.join(timeout=0.2)
timed_out = slow.is_alive()
print(f"join(timeout=0.2) returned {result}; {slow.name} alive={timed_out}")
finish.set()
slow.join()
print(f"join() returned; {slow.name} alive={slow.is_alive()}")
sys.exit(3 if timed_out else 0)
