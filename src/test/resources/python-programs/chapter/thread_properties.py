# A thread's properties before, during and after its run: name, ident, native_id, daemon, is_alive.
import sys
import threading

release = threading.Event()
seen = {}


def work():
    me = threading.current_thread()
    seen["ident"] = me.ident == threading.get_ident()
    seen["native_id"] = me.native_id == threading.get_native_id()
    release.wait()


worker = threading.Thread(target=work, name="Inspector")
print(f"before start: name={worker.name} ident={worker.ident} native_id={worker.native_id} "
      f"daemon={worker.daemon} alive={worker.is_alive()}")
worker.start()
print(f"running: ident is int={isinstance(worker.ident, int)} native_id is int={isinstance(worker.native_id, int)} "
      f"alive={worker.is_alive()}")
# the numbers change every run: stderr carries them, for a check against the trace
print(f"ids {worker.name} {worker.ident} {worker.native_id}", file=sys.stderr)
main = threading.main_thread()
print(f"ids {main.name} {main.ident} {main.native_id}", file=sys.stderr)
release.set()
worker.join()
print(f"inside, ident matched get_ident()={seen['ident']} native_id matched get_native_id()={seen['native_id']}")
print(f"after join: ident kept={worker.ident is not None} alive={worker.is_alive()}")
