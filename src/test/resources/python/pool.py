# Written for a free-threaded CPython build (3.13t, no GIL); on a CPython with the GIL
# it runs, but its threads take turns.
"""Pool "demo\""""

import sys
import threading
from concurrent.futures import ThreadPoolExecutor


def report_exception(args):
    print(f"[excepthook] {args.thread.name}: {args.exc_type.__name__}: {args.exc_value}", file=sys.stderr)


threading.excepthook = report_exception


pool = ThreadPoolExecutor(max_workers=4)
calls = 0


def add(arg1, arg2):
    global calls
    calls += 1
    return 3


def label(item):
    return f"#{item}"


def noop(x):
    pass


if __name__ == "__main__":
    total = pool.submit(add, 1, 2)
    pool.submit(add, 5, 6)
    total.result()
    print(total.result(timeout=2.5))
    print(list(pool.map(label, [1, 2])))
    list(pool.map(noop, []))
    pool.shutdown(wait=True)
