# With concurrent.futures the exception travels: future.result() raises it again in the caller.
import sys
import threading
from concurrent.futures import ThreadPoolExecutor


def risky(n):
    if n == 3:
        raise ValueError(f"cannot handle {n}")
    return n * 10


with ThreadPoolExecutor(max_workers=2, thread_name_prefix="Risky") as pool:
    futures = [pool.submit(risky, n) for n in (1, 2, 3)]
    for n, future in zip((1, 2, 3), futures):
        try:
            print(f"risky({n}) = {future.result()}")
        except ValueError as error:
            print(f"risky({n}) raised {type(error).__name__}: {error}")
            caught = error
    print(f"future.exception() returns the error result() raised: {futures[2].exception() is caught}")
    pool_threads = sorted(t.name for t in threading.enumerate() if t is not threading.main_thread())
# how many pool threads the three tasks took varies from run to run: stderr carries their names
print(f"pool threads {' '.join(pool_threads)}", file=sys.stderr)
