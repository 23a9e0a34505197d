import threading

gate = threading.Event()


def wait_for_gate():
    gate.wait()


threads = [threading.Thread(target=wait_for_gate, name=f"T{i}") for i in range(2000)]
for thread in threads:
    thread.start()
gate.set()
for thread in threads:
    thread.join()
print(len(threads), "threads waited for the gate and ended")
