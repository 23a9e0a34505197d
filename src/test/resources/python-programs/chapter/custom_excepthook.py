# threading.excepthook replaced: uncaught exceptions in threads go to the program's own handler.
import threading


def report(args):
    print(f"hook: {args.thread.name} raised {args.exc_type.__name__}: {args.exc_value}")


threading.excepthook = report


def fail():
    raise KeyError("missing-key")


worker = threading.Thread(target=fail, name="Failer")
worker.start()
worker.join()
print(f"{worker.name} alive={worker.is_alive()}; nothing written to stderr")
