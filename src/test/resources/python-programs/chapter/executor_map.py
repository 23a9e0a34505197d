# executor.map: results come back in the order of the inputs, whichever pool thread ran them.
import sys
import threading
from concurrent.futures import ThreadPoolExecutor


def square(n):
    return n * n, threading.current_thread().name


with ThreadPoolExecutor(max_workers=3, thread_name_prefix="Mapper") as pool:
    answers = list(pool.map(square, range(6)))
    pool_threads = sorted(t.name for t in threading.enumerate() if t is not threading.main_thread())
print(f"squares: {[value for value, _ in answers]}")
print(f"all ran in the pool: {all(name.startswith('Mapper_') for _, name in answers)}")
# how many pool threads map started varies from run to run: stderr carries their names
print(f"pool threads {' '.join(pool_threads)}", file=sys.stderr)
