# An exception does not cross to the thread that started the thread: handle it inside, or
# threading.excepthook reports it on stderr and the thread just ends. The program still exits 0.
import threading

errors = []


def careful():
    try:
        int("forty-two")
    except ValueError as error:
        errors.append((threading.current_thread().name, str(error)))


def careless():
    int("forty-two")


handled = threading.Thread(target=careful, name="Careful")
handled.start()
handled.join()
unhandled = threading.Thread(target=careless, name="Careless")
unhandled.start()
unhandled.join()
for name, message in errors:
    print(f"{name} handled: {message}")
print(f"MainThread carries on; {unhandled.name} alive={unhandled.is_alive()}")
