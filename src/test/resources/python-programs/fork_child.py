import os
import sys
import threading


def work():
    print(threading.current_thread().name, "ran in process", "child" if os.getpid() != parent else "parent", flush=True)


parent = os.getpid()
worker = threading.Thread(target=work, name="Worker")
worker.start()
worker.join()
pid = os.fork()
if pid == 0:
    # the child's own thread, and an exit through atexit: neither may reach the parent's trace
    child_worker = threading.Thread(target=work, name="ChildWorker")
    child_worker.start()
    child_worker.join()
    sys.exit(5)
_, status = os.waitpid(pid, 0)
print("MainThread saw the child exit with", os.waitstatus_to_exitcode(status))
