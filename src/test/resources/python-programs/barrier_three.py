# Three parties meet at a barrier: the first two wait there until the third arrives.
import threading
import time

barrier = threading.Barrier(3)
arrivals = {}


def meet(name):
    arrivals[name] = barrier.wait()


def until_waiting(count):
    # the next party starts only once the earlier ones are blocked, so arrival order is fixed
    deadline = time.monotonic() + 10
    while barrier.n_waiting < count:
        if time.monotonic() > deadline:
            raise SystemExit("parties never reached the barrier")
        time.sleep(0.01)


parties = []
for n in (1, 2, 3):
    until_waiting(n - 1)
    party = threading.Thread(target=meet, args=("Party-%d" % n,), name="Party-%d" % n)
    party.start()
    parties.append(party)
for party in parties:
    party.join()
for name in sorted(arrivals):
    print(name, "passed the barrier with arrival index", arrivals[name])
