# run() is an ordinary call in the caller's thread; start() runs run() in a new thread.
import threading


def where():
    print(f"where() runs in {threading.current_thread().name}")


called = threading.Thread(target=where, name="Called")
called.run()
print(f"after run(): {called.name} ident={called.ident} alive={called.is_alive()}")

started = threading.Thread(target=where, name="Started")
started.start()
started.join()
print(f"after start() and join(): {started.name} has an ident={started.ident is not None} alive={started.is_alive()}")
