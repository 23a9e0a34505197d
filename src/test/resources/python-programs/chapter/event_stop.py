# Cooperative cancellation: the worker waits on the stop event with a timeout between rounds,
# so set() ends it at once instead of after a sleep.
import threading

stop_event = threading.Event()
first_round = threading.Event()
rounds = []


def poll():
    while not stop_event.is_set():
        rounds.append(len(rounds) + 1)
        if stop_event.wait(timeout=0.05):
            break
        first_round.set()
    print(f"{threading.current_thread().name} saw the stop request")


worker = threading.Thread(target=poll, name="Poller")
worker.start()
first_round.wait()
stop_event.set()
worker.join()
print(f"{worker.name} stopped after at least one round: {len(rounds) >= 1}, alive={worker.is_alive()}")
