# ThreadStage starts a traced Python program with this file:
#     python3 threadstage_launch.py --channel unix:PATH [--output channel] -- PROGRAM.py [ARGS...]
# It is kept to syntax every Python can read, so an interpreter older than 3.8 reaches the
# version check below and exits with the status ThreadStage turns into its own message,
# instead of failing on syntax of the tracer it cannot parse.
import sys

TOO_OLD_STATUS = 86

if sys.version_info < (3, 8):
    sys.exit(TOO_OLD_STATUS)


def load_tracer():
    """The tracer module, its code compiled once per interpreter version and kept beside it.

    Not an ordinary import: PYTHONDONTWRITEBYTECODE (or a read-only folder) would make every run
    compile the tracer again, a tenth of a second on a loaded machine. ThreadStage keeps this folder
    across sessions, named by the files' content; the kept code also names the source's size and
    time, so an edited tracer is compiled again.
    """
    import marshal
    import os
    import types
    folder = os.path.dirname(os.path.abspath(__file__))
    source_path = os.path.join(folder, "threadstage_tracer.py")
    kept_path = os.path.join(folder, "threadstage_tracer.%s.code" % sys.implementation.cache_tag)
    stat = os.stat(source_path)
    stamp = (stat.st_size, stat.st_mtime_ns)
    code = None
    try:
        with open(kept_path, "rb") as kept:
            kept_stamp, kept_code = marshal.load(kept)
        if tuple(kept_stamp) == stamp:
            code = kept_code
    except (OSError, EOFError, ValueError, TypeError):
        pass
    if code is None:
        with open(source_path, "rb") as source:
            code = compile(source.read(), source_path, "exec", dont_inherit=True)
        part_path = "%s.%d.part" % (kept_path, os.getpid())
        try:
            with open(part_path, "wb") as part:
                marshal.dump((stamp, code), part)
            os.replace(part_path, kept_path)
        except OSError:
            try:
                os.remove(part_path)
            except OSError:
                pass
    module = types.ModuleType("threadstage_tracer")
    module.__file__ = source_path
    sys.modules["threadstage_tracer"] = module
    exec(code, module.__dict__)
    return module


load_tracer().main(sys.argv[1:])
