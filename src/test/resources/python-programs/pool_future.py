# One pool thread computes a square slowly; the main thread waits on its future's result.
import time
from concurrent.futures import ThreadPoolExecutor


def square(n):
    time.sleep(0.2)
    return n * n


with ThreadPoolExecutor(max_workers=1) as pool:
    answer = pool.submit(square, 7)
    print(answer.result())
