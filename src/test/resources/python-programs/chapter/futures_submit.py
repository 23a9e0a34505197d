# ThreadPoolExecutor.submit returns a Future; result() waits for it, result(timeout) gives up.
import concurrent.futures
import threading

slow_started = threading.Event()
release = threading.Event()


def slow_double(n):
    slow_started.set()
    release.wait()
    return n * 2, threading.current_thread().name


def quick_name():
    return threading.current_thread().name


with concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="Pool") as executor:
    doubled = executor.submit(slow_double, 21)
    slow_started.wait()
    # the first pool thread is held by slow_double: a second one is started for this
    named = executor.submit(quick_name)
    print(f"quick task ran in {named.result()}")
    print(f"slow task done: {doubled.done()}")
    try:
        doubled.result(timeout=0.2)
    except concurrent.futures.TimeoutError:
        print("result(timeout=0.2) raised TimeoutError")
    release.set()
    value, worker = doubled.result()
    print(f"slow task returned {value} from {worker}")
