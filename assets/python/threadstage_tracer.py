"""ThreadStage's tracer: runs a Python program and reports what its threads do, as they do it.

ThreadStage starts it as ``python3 threadstage_launch.py --channel unix:PATH -- PROGRAM.py ARGS``.
It connects to PATH, wraps the threading primitives the program will use, then runs the program
as ``python3 PROGRAM.py ARGS`` would (its own ``__main__``, ``sys.argv`` and ``sys.path[0]``).
Standard library only; CPython 3.8 or later.

What goes over the channel: frames, each a 4-byte big-endian length and a list of messages in
``marshal`` format version 4 (CPython's own C serialiser, six times faster than the json module
here, which mattered: encoding was half the tracing cost of a busy queue). A message is a tuple:
its kind, ``time.monotonic_ns()``, then the kind's fields (str, int, bool, None). The kinds are
listed at ``_Channel``; ThreadStage's ``TracerBatch`` reads them.

Cost is kept low on purpose: a wait is recorded only when the thread really blocks (a lock taken
at once records nothing, and runs no Python code of ours while held: see "locks" below), events
are appended to one list with no lock and sent every few milliseconds by the tracer's own thread,
and the line each thread is on is sampled, not traced line by line.
"""

import _thread
import atexit
import io
import os
import _socket  # not socket: its enums cost an import of enum at every start
import sys
import threading
import time
import types
import marshal
import operator

_monotonic_ns = time.monotonic_ns
_get_ident = _thread.get_ident
_allocate_lock = _thread.allocate_lock
_real_sleep = time.sleep
_real_os_exit = os._exit
_real_fork = getattr(os, "fork", None)

FLUSH_SECONDS = 0.005
LINE_SAMPLE_EVERY = 2  # flushes: lines are sampled at 100 Hz
PROTOCOL_VERSION = "1"


class _Channel:
    """Keeps messages in the order the program's threads make them; the tracer thread sends them.

    A message is a tuple appended to one list: ``list.append`` is atomic, so recording takes no
    lock of ours (a thread switch between reading the clock and appending can put two times out
    of order by microseconds; ThreadStage keeps them non-decreasing). Appends come before the
    effect they announce (a release before the lock is free), so the list's order is causal.
    Each flush sends what is there as one frame, ending with a tick: "everything stamped
    before this time has been sent".

    Kinds: H hello, W tracer thread, T thread, S state, A blocks on a lock, B took it after
    blocking, R released a lock someone saw held, Q queue, J join, G signal, X exception,
    N line, P a line printed to stdout, Y a line written to stderr (both only with
    ``--output channel``), F forked a child process, E end, K tick.
    """

    def __init__(self, sock):
        self._sock = sock
        self._send_lock = _allocate_lock()
        self.messages = []
        self.closed = False

    def flush(self, final=False):
        with self._send_lock:
            if self.closed:
                return
            messages = self.messages
            count = len(messages)
            batch = messages[:count]
            del messages[:count]
            batch.append(("K", _monotonic_ns()))
            if final:
                self.closed = True
            data = _frame(batch)
            try:
                self._sock.sendall(data)
            except OSError:
                self.closed = True
            if final:
                try:
                    self._sock.close()
                except OSError:
                    pass


_WIRE_TYPES = {str, int, bool, type(None)}


def _frame(batch):
    try:
        data = marshal.dumps(batch, 4)
    except ValueError:
        # a field the program made of its own type (a queue's maxsize, say): sent as its text
        batch = [tuple(f if type(f) in _WIRE_TYPES else str(f) for f in message) for message in batch]
        data = marshal.dumps(batch, 4)
    return len(data).to_bytes(4, "big") + data


_channel = None
_append = None  # the channel's messages.append
_program = None
_tids = {}            # ident -> tid of every traced thread alive
_threads = {}         # tid -> Thread
_names_used = {}      # name -> count, so two objects never share a name
_next_tid = [1]
_tid_lock = _allocate_lock()
_internal_files = set()
# the tracer's file: its wrappers' frames are cut from the program's tracebacks (the launcher's
# frames come before the program's first and are cut with the rest of that head)
_tracer_files = {__file__, os.path.abspath(__file__)}
_user_prefixes = ()


def _emit(kind, *fields):
    _append((kind, _monotonic_ns()) + fields)


def _my_tid():
    tid = _local_tid.tid
    if tid < 0:
        # a thread made without threading.Thread (a _thread thread, a C extension's): a lane of its own
        current = threading.current_thread()
        tid = _register(current, "target")
        _tids[_get_ident()] = tid
        _local_tid.tid = tid
        _emit("T", tid, current.name, "target", current.daemon, _get_ident(), threading.get_native_id())
        _emit("S", tid, "running", None, None)
    return tid


def _register(thread, style):
    with _tid_lock:
        tid = _next_tid[0]
        _next_tid[0] += 1
    thread._ts_tid = tid
    thread._ts_style = style
    _threads[tid] = thread
    return tid


def _user_frame():
    """The nearest frame of the program's own code up the caller's stack, or None."""
    frame = sys._getframe(1)
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename not in _internal_files and not filename.startswith(_user_prefixes):
            return frame
        frame = frame.f_back
    return None


def _is_users(depth):
    """Whether the caller ``depth`` frames up is the program's code (not the library's)."""
    filename = sys._getframe(depth + 1).f_code.co_filename
    return filename not in _internal_files and not filename.startswith(_user_prefixes)


# ---------------------------------------------------------------- names from the program's source
# Read by hand, not with re and linecache: those imports (re pulls in enum, linecache tokenize) were
# a good part of the tracer's start, which every traced run pays.

_source_cache = {}


def _source_line(filename, lineno):
    lines = _source_cache.get(filename)
    if lines is None:
        try:
            with open(filename, encoding="utf-8", errors="replace") as source:
                lines = source.readlines()
        except (OSError, ValueError):
            lines = []
        _source_cache[filename] = lines
    return lines[lineno - 1] if 0 < lineno <= len(lines) else ""


_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_0123456789")
_SPACE = " \t\n\r\f\v"


def _identifier(text, at):
    """Where the identifier starting at ``at`` ends (``at`` itself when there is none)."""
    end = at
    if at < len(text) and text[at] in _WORD and not text[at].isdigit():
        end = at + 1
        while end < len(text) and text[end] in _WORD:
            end += 1
    return end


def _assigned_name(line):
    """NAME of ``[self.|cls.]NAME [: ANNOTATION] = VALUE``, else None."""
    at = len(line) - len(line.lstrip(_SPACE))
    for prefix in ("self.", "cls."):
        if line.startswith(prefix, at):
            at += len(prefix)
            break
    end = _identifier(line, at)
    if end == at:
        return None
    rest = line[end:].lstrip(_SPACE)
    if rest.startswith(":"):
        eq = rest.find("=", 1)
        if eq <= 1:
            return None
        rest = rest[eq:]
    if rest.startswith("=") and len(rest) > 1 and rest[1] != "=":
        return line[at:end]
    return None


def _with_as_name(line):
    """NAME of ``... as NAME:``, else None."""
    at = line.find("as")
    while at >= 0:
        if at == 0 or line[at - 1] not in _WORD:
            start = at + 2
            after = line[start:].lstrip(_SPACE)
            if len(after) < len(line) - start:
                name_at = len(line) - len(after)
                end = _identifier(line, name_at)
                if end > name_at and line[end:].lstrip(_SPACE).startswith(":"):
                    return line[name_at:end]
        at = line.find("as", at + 1)
    return None


def _name_for(kind):
    """A resource's name as the program's source calls it: the variable it is assigned to."""
    frame = _user_frame()
    name = None
    if frame is not None:
        line = _source_line(frame.f_code.co_filename, frame.f_lineno)
        name = _assigned_name(line) or _with_as_name(line)
    if name is None:
        name = kind
    with _tid_lock:
        count = _names_used.get(name, 0) + 1
        _names_used[name] = count
    return name if count == 1 else "%s-%d" % (name, count)


def _wait(tid, reason, on):
    _append(("S", _monotonic_ns(), tid, "waiting", reason, on))


def _running(tid):
    _append(("S", _monotonic_ns(), tid, "running", None, None))


# ---------------------------------------------------------------- locks
#
# Why the locks look odd: CPython hands the GIL to another thread only at a call, a backward jump or
# a function's entry. ``with lock:`` on a plain lock has none of those while the lock is held, so a
# thread is (almost) never switched out holding it and lock storms never contend. Any Python code of
# ours between taking the lock and letting it go adds such a switch point: other threads then find
# the lock taken, block on it, and the run turns into a convoy that costs two context switches a
# turn (2.7x on the lock-storm scenario). So a lock taken at once and every release run in C only:
# ``_taken`` is a property whose getter is C (it tries the lock), the owner is read from a C
# thread-local attribute, and ``release``/``__exit__`` are the C lock's own methods. The price: a
# release runs no code of ours, so it is recorded by whoever sees it next, the thread that got the
# lock after blocking (when it wakes) or the tracer's own thread (within one flush).


class _ThreadTid(_thread._local):
    """The calling thread's lane number (-1 for a thread the tracer does not know), read without a call."""

    tid = -1


_local_tid = _ThreadTid()
_condition_wait = None
_condition_notify = None
_shown_holders = {}            # lock -> the tid the trace shows holding it
_shown_guard = _allocate_lock()


def _show_holder(lock, tid):
    _shown_holders[lock] = tid


def _release_seen(lock):
    """Says the holder the trace shows let go; the caller holds ``_shown_guard``."""
    if _shown_holders.pop(lock, None) is not None:
        _append(("R", _monotonic_ns(), lock._name))


def _blocked_acquire(lock, timeout):
    """The slow path of both locks: the wait, the previous holder's release and the new holder."""
    tid = _my_tid()
    owner = lock._owner
    with _shown_guard:
        _append(("A", _monotonic_ns(), tid, lock._name, owner))
        if owner >= 0:
            _show_holder(lock, owner)
    got = lock._block.acquire(True, timeout)
    with _shown_guard:
        if got:
            lock._owner = tid
            _release_seen(lock)
            _append(("B", _monotonic_ns(), tid, lock._name))
            _show_holder(lock, tid)
        else:
            _running(tid)
    return got


def _releases_seen_by_tracer():
    """Run by the tracer's thread each flush: locks the trace shows held that are free or changed hands."""
    if not _shown_holders:
        return
    with _shown_guard:
        for lock, tid in list(_shown_holders.items()):
            if lock._owner != tid or not lock._held():
                _release_seen(lock)


class TracedLock:
    """A Lock that reports a wait only when it must block, and the hand-overs around it."""

    __slots__ = ("_block", "_name", "_owner", "_try", "__weakref__")

    def __init__(self, name):
        self._block = _allocate_lock()
        self._name = name
        self._owner = -1
        self._try = self._block.acquire

    _taken = property(operator.methodcaller("_try", False))
    release = property(operator.attrgetter("_block.release"))
    __exit__ = property(operator.attrgetter("_block.__exit__"))

    def acquire(self, blocking=True, timeout=-1):
        if self._taken:
            self._owner = _local_tid.tid
            return True
        if not blocking:
            return False
        return _blocked_acquire(self, timeout)

    __enter__ = acquire

    def locked(self):
        return self._block.locked()

    _held = locked

    def _at_fork_reinit(self):
        self._block._at_fork_reinit()
        self._owner = -1

    def __repr__(self):
        return "<%s threading.Lock object %r>" % ("locked" if self.locked() else "unlocked", self._name)


class TracedRLock:
    """An RLock that reports blocking acquires and hand-overs; nested acquires record nothing."""

    __slots__ = ("_block", "_name", "_owner", "_try", "__weakref__")

    def __init__(self, name):
        self._block = _real_rlock()
        self._name = name
        self._owner = -1
        self._try = self._block.acquire

    _taken = property(operator.methodcaller("_try", False))
    release = property(operator.attrgetter("_block.release"))
    __exit__ = property(operator.attrgetter("_block.__exit__"))

    def acquire(self, blocking=True, timeout=-1):
        if self._taken:
            self._owner = _local_tid.tid
            return True
        if not blocking:
            return False
        return _blocked_acquire(self, timeout)

    __enter__ = acquire

    def _held(self):
        # the C RLock has no locked() before Python 3.14; its repr says it
        return repr(self._block).startswith("<locked")

    # what threading.Condition uses with an RLock: a wait gives the lock up whole and takes it back
    def _is_owned(self):
        return self._block._is_owned()

    def _release_save(self):
        with _shown_guard:
            _release_seen(self)
        return self._block._release_save()

    def _acquire_restore(self, state):
        self._block._acquire_restore(state)
        self._owner = _local_tid.tid

    def _at_fork_reinit(self):
        self._block._at_fork_reinit()
        self._owner = -1


_real_rlock = threading.RLock
_real_lock = threading.Lock


def Lock():
    if not _is_users(1):
        return _allocate_lock()
    return TracedLock(_name_for("lock"))


def RLock(*args, **kwargs):
    if not _is_users(1):
        return _real_rlock(*args, **kwargs)
    return TracedRLock(_name_for("rlock"))


# ---------------------------------------------------------------- patches of the library's classes

def _named_init(cls, kind):
    """Gives objects the program makes a name (``_ts_name``); the library's own stay unnamed."""
    original = cls.__init__

    def __init__(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self._ts_name = _name_for(kind) if _is_users(1) else None

    cls.__init__ = __init__
    cls._ts_name = None


def _patch_waits():
    Condition = threading.Condition
    Event = threading.Event
    Semaphore = threading.Semaphore
    Barrier = threading.Barrier
    Thread = threading.Thread

    _named_init(Condition, "condition")
    _named_init(Event, "event")
    _named_init(Semaphore, "semaphore")
    # BoundedSemaphore.__init__ calls Semaphore.__init__ from threading.py, where the wrapper above
    # takes the caller for the library's and leaves it unnamed (so untraced): name it at its own call
    _named_init(threading.BoundedSemaphore, "semaphore")
    _named_init(Barrier, "barrier")

    cond_wait = Condition.wait
    cond_notify = Condition.notify
    global _condition_wait, _condition_notify
    # the queue's own conditions are the library's: its wrappers call these, not the traced ones
    _condition_wait = cond_wait
    _condition_notify = cond_notify

    def condition_wait(self, timeout=None):
        name = self._ts_name
        if name is None:
            return cond_wait(self, timeout)
        tid = _my_tid()
        _wait(tid, "event", name)
        try:
            return cond_wait(self, timeout)
        finally:
            _running(tid)

    def condition_notify(self, n=1):
        if self._ts_name is not None and self._waiters:
            _emit("G", _my_tid(), self._ts_name, True)
        return cond_notify(self, n)

    def condition_notify_all(self):
        condition_notify(self, len(self._waiters))

    Condition.wait = condition_wait
    Condition.notify = condition_notify
    Condition.notify_all = condition_notify_all

    event_wait = Event.wait
    event_set = Event.set
    event_clear = Event.clear

    def wait_event(self, timeout=None):
        name = self._ts_name
        if name is None or self._flag:
            return event_wait(self, timeout)
        tid = _my_tid()
        _wait(tid, "event", name)
        try:
            return event_wait(self, timeout)
        finally:
            _running(tid)

    def set_event(self):
        if self._ts_name is not None:
            _emit("G", _my_tid(), self._ts_name, True)
        event_set(self)

    def clear_event(self):
        if self._ts_name is not None:
            _emit("G", _my_tid(), self._ts_name, False)
        event_clear(self)

    Event.wait = wait_event
    Event.set = set_event
    Event.clear = clear_event

    sem_acquire = Semaphore.acquire

    def acquire_semaphore(self, blocking=True, timeout=None):
        name = self._ts_name
        if name is None or not blocking:
            return sem_acquire(self, blocking, timeout)
        if sem_acquire(self, False):
            return True
        tid = _my_tid()
        _wait(tid, "lock", name)
        try:
            return sem_acquire(self, True, timeout)
        finally:
            _running(tid)

    Semaphore.acquire = acquire_semaphore
    Semaphore.__enter__ = acquire_semaphore

    barrier_wait = Barrier.wait

    def wait_barrier(self, timeout=None):
        name = self._ts_name
        if name is None:
            return barrier_wait(self, timeout)
        tid = _my_tid()
        _wait(tid, "event", name)
        try:
            return barrier_wait(self, timeout)
        finally:
            _running(tid)

    Barrier.wait = wait_barrier

    thread_join = Thread.join

    def join(self, timeout=None):
        target = getattr(self, "_ts_tid", None)
        me = _tids.get(_get_ident())
        if target is None or me is None:
            return thread_join(self, timeout)
        _emit("J", me, target, True, False)
        _wait(me, "join", self.name)
        try:
            thread_join(self, timeout)
        finally:
            _emit("J", me, target, False, self.is_alive())
            _running(me)

    Thread.join = join

    def sleep(seconds):
        tid = _tids.get(_get_ident())
        if tid is None or not seconds > 0:
            return _real_sleep(seconds)
        _wait(tid, "sleep", None)
        try:
            _real_sleep(seconds)
        finally:
            _running(tid)

    sleep.__doc__ = _real_sleep.__doc__
    time.sleep = sleep


def _patch_queue(queue_module):
    _internal_files.add(queue_module.__file__)
    Queue = queue_module.Queue
    _named_init(Queue, "queue")
    put = Queue.put
    get = Queue.get
    join = Queue.join
    Full = queue_module.Full
    Empty = queue_module.Empty
    clock = time.monotonic

    def put_traced(self, item, block=True, timeout=None):
        name = self._ts_name
        if name is None:
            return put(self, item, block, timeout)
        with self.not_full:
            if self.maxsize > 0 and self._qsize() >= self.maxsize:
                if not block:
                    raise Full
                if timeout is not None and timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                tid = _my_tid()
                _wait(tid, "queue_put", name)
                try:
                    endtime = None if timeout is None else clock() + timeout
                    while self._qsize() >= self.maxsize:
                        if endtime is None:
                            _condition_wait(self.not_full)
                        else:
                            remaining = endtime - clock()
                            if remaining <= 0.0:
                                raise Full
                            _condition_wait(self.not_full, remaining)
                finally:
                    _running(tid)
            self._put(item)
            self.unfinished_tasks += 1
            tid = _local_tid.tid
            if tid < 0:
                tid = _my_tid()
            _append(("Q", _monotonic_ns(), tid, name, self._qsize(), self.maxsize, "put"))
            _condition_notify(self.not_empty)

    def get_traced(self, block=True, timeout=None):
        name = self._ts_name
        if name is None:
            return get(self, block, timeout)
        with self.not_empty:
            if not self._qsize():
                if not block:
                    raise Empty
                if timeout is not None and timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                tid = _my_tid()
                _wait(tid, "queue_get", name)
                try:
                    endtime = None if timeout is None else clock() + timeout
                    while not self._qsize():
                        if endtime is None:
                            _condition_wait(self.not_empty)
                        else:
                            remaining = endtime - clock()
                            if remaining <= 0.0:
                                raise Empty
                            _condition_wait(self.not_empty, remaining)
                finally:
                    _running(tid)
            item = self._get()
            tid = _local_tid.tid
            if tid < 0:
                tid = _my_tid()
            _append(("Q", _monotonic_ns(), tid, name, self._qsize(), self.maxsize, "get"))
            _condition_notify(self.not_full)
            return item

    def join_traced(self):
        name = self._ts_name
        if name is None or not self.unfinished_tasks:
            return join(self)
        tid = _my_tid()
        _wait(tid, "queue_join", name)
        try:
            return join(self)
        finally:
            _running(tid)

    Queue.put = put_traced
    Queue.get = get_traced
    Queue.join = join_traced


def _patch_futures_base(base):
    future_init = base.Future.__init__

    def init_future(self):
        # an executor makes the future inside its submit(): it is named after the program's line that called it
        future_init(self)
        self._ts_name = _name_for("future") if _user_frame() is not None else None

    base.Future.__init__ = init_future
    base.Future._ts_name = None
    result = base.Future.result
    exception = base.Future.exception
    wait = base.wait
    as_completed = base.as_completed

    def traced(original, label_of):
        def call(self, timeout=None):
            name = self._ts_name
            if name is None or self.done():
                return original(self, timeout)
            tid = _my_tid()
            _wait(tid, "future", name)
            try:
                return original(self, timeout)
            finally:
                _running(tid)
        return call

    def wait_traced(fs, timeout=None, return_when=base.ALL_COMPLETED):
        tid = _tids.get(_get_ident())
        if tid is None:
            return wait(fs, timeout, return_when)
        _wait(tid, "future", _future_names(fs))
        try:
            return wait(fs, timeout, return_when)
        finally:
            _running(tid)

    def as_completed_traced(fs, timeout=None):
        futures = list(fs)
        label = _future_names(futures)
        iterator = as_completed(futures, timeout)
        while True:
            tid = _tids.get(_get_ident())
            if tid is not None:
                _wait(tid, "future", label)
            try:
                future = next(iterator)
            except StopIteration:
                return
            finally:
                if tid is not None:
                    _running(tid)
            yield future

    base.Future.result = traced(result, None)
    base.Future.exception = traced(exception, None)
    base.wait = wait_traced
    base.as_completed = as_completed_traced
    package = sys.modules.get("concurrent.futures")
    if package is not None:
        package.wait = wait_traced
        package.as_completed = as_completed_traced


def _future_names(fs):
    names = [f._ts_name for f in fs if getattr(f, "_ts_name", None)]
    return ", ".join(names[:3]) + (", ..." if len(names) > 3 else "") if names else "futures"


class _IdleAwareQueue:
    """An executor's work queue: a pool thread waiting for work shows as idle, not as running."""

    def __init__(self, inner, name):
        self._inner = inner
        self._name = name

    def put(self, item, block=True, timeout=None):
        self._inner.put(item, block, timeout)

    def get(self, block=True, timeout=None):
        try:
            return self._inner.get_nowait()
        except Exception:
            if not block:
                raise
        tid = _tids.get(_get_ident())
        if tid is not None:
            _wait(tid, "idle", self._name)
        try:
            return self._inner.get(True, timeout)
        finally:
            if tid is not None:
                _running(tid)

    def get_nowait(self):
        return self._inner.get_nowait()

    def empty(self):
        return self._inner.empty()

    def qsize(self):
        return self._inner.qsize()


def _patch_futures_thread(module):
    executor = module.ThreadPoolExecutor
    init = executor.__init__

    def init_traced(self, *args, **kwargs):
        init(self, *args, **kwargs)
        name = _name_for("executor")
        self._ts_name = name
        self._work_queue = _IdleAwareQueue(self._work_queue, name)

    executor.__init__ = init_traced
    _internal_files.add(module.__file__)


class _AfterImport:
    """Patches queue and concurrent.futures as the program imports them: a program without them pays nothing."""

    PATCHES = {"queue": _patch_queue,
               "concurrent.futures._base": _patch_futures_base,
               "concurrent.futures.thread": _patch_futures_thread}

    def find_spec(self, fullname, path=None, target=None):
        patch = self.PATCHES.get(fullname)
        if patch is None:
            return None
        import importlib.machinery
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return None
        loader = spec.loader
        original_exec = loader.exec_module

        def exec_module(module):
            original_exec(module)
            _internal_files.add(module.__file__)
            patch(module)

        loader.exec_module = exec_module
        return spec


# ---------------------------------------------------------------- threads

def _target_style(target):
    """A lambda, a callable object (an instance whose class defines __call__), or a function."""
    if getattr(target, "__name__", None) == "<lambda>":
        return "lambda"
    plain = (types.FunctionType, types.MethodType, types.BuiltinFunctionType, types.BuiltinMethodType, type)
    if isinstance(target, plain) or type(target).__module__ == "functools":
        # a class called as a target builds an object; a partial is a function with arguments bound
        return "target"
    return "callable"


def _tracer_frames_cut(tb):
    """The traceback without the tracer's own frames (a wrapper's call between two of Python's),
    so a report reads as python3 prints it; the first of the rest, or None."""
    while tb is not None and tb.tb_frame.f_code.co_filename in _tracer_files:
        tb = tb.tb_next
    first = tb
    while tb is not None:
        following = tb.tb_next
        while following is not None and following.tb_frame.f_code.co_filename in _tracer_files:
            following = following.tb_next
        tb.tb_next = following
        tb = following
    return first


def _patch_threads():
    Thread = threading.Thread
    init = Thread.__init__
    bootstrap_inner = Thread._bootstrap_inner
    name_property = Thread.name
    daemon_property = Thread.daemon

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        target = self._target
        if target is not None and getattr(target, "__module__", None) == "concurrent.futures.thread":
            style = "pool"
        elif target is not None:
            style = _target_style(target)
        elif type(self).run is not Thread.run:
            style = "subclass"
        else:
            style = "target"
        tid = _register(self, style)
        _emit("T", tid, self.name, style, self.daemon, None, None)
        _emit("S", tid, "created", None, None)

    def _bootstrap_inner(self):
        tid = getattr(self, "_ts_tid", None)
        if tid is None:
            return bootstrap_inner(self)
        ident = _get_ident()
        _tids[ident] = tid
        _local_tid.tid = tid
        self._ts_failed = False
        _emit("T", tid, self.name, self._ts_style, self.daemon, ident, threading.get_native_id())
        _running(tid)
        run = self.run

        def run_traced():
            try:
                run()
            except SystemExit:
                raise
            except BaseException as error:
                self._ts_failed = True
                _emit("X", tid, type(error).__name__, str(error), False)
                raise

        self.run = run_traced
        try:
            bootstrap_inner(self)
        finally:
            _emit("S", tid, "terminated", "exception" if self._ts_failed else "returned", None)
            _tids.pop(ident, None)

    def set_name(self, name):
        name_property.fset(self, name)
        self._ts_changed()

    def set_daemon(self, daemonic):
        daemon_property.fset(self, daemonic)
        self._ts_changed()

    def changed(self):
        tid = getattr(self, "_ts_tid", None)
        if tid is not None:
            _emit("T", tid, self.name, self._ts_style, self.daemon, self.ident, self.native_id)

    make_invoke_excepthook = threading._make_invoke_excepthook

    def make_invoke_excepthook_without_tracer_frames():
        # each Thread makes its reporter here: the report reads the exception being handled, whose
        # traceback is cut in place first, whatever threading.excepthook is by then
        invoke_excepthook = make_invoke_excepthook()

        def invoke_without_tracer_frames(thread):
            _tracer_frames_cut(sys.exc_info()[2])
            invoke_excepthook(thread)

        return invoke_without_tracer_frames

    threading._make_invoke_excepthook = make_invoke_excepthook_without_tracer_frames
    Thread.__init__ = __init__
    Thread._bootstrap_inner = _bootstrap_inner
    Thread.name = property(name_property.fget, set_name)
    Thread.daemon = property(daemon_property.fget, set_daemon)
    Thread._ts_changed = changed


# ---------------------------------------------------------------- the tracer's thread

_stopping = [False]


def _tracer_thread(program):
    _emit("W", threading.get_native_id())
    lines = {}
    cycle = 0
    while not _stopping[0]:
        _real_sleep(FLUSH_SECONDS)
        cycle += 1
        if cycle % LINE_SAMPLE_EVERY == 0:
            _sample_lines(program, lines)
        _releases_seen_by_tracer()
        _channel.flush()


def _sample_lines(program, last):
    """The line of the program each thread is on, sent when it changed."""
    for ident, frame in sys._current_frames().items():
        tid = _tids.get(ident)
        if tid is None:
            continue
        while frame is not None and frame.f_code.co_filename != program:
            frame = frame.f_back
        if frame is None:
            continue
        line = frame.f_lineno
        if last.get(tid) != line:
            last[tid] = line
            _append(("N", _monotonic_ns(), tid, line))
    del frame


# ---------------------------------------------------------------- the program's output

class _OutputLines(io.TextIOBase):
    """Stands for sys.stdout or sys.stderr when ThreadStage's window shows the output itself.

    Each whole line goes over the channel as a message of the thread that wrote it, in order with
    that thread's other events, so the window's console is a view of the trace and a print shows
    on the lane of the thread that printed. A thread's unfinished line waits for its newline (two
    threads printing at once do not mix their halves); what is left unfinished is sent at the end.
    """

    def __init__(self, kind, original):
        super().__init__()
        self._kind = kind
        self._original = original
        self._partial = {}

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "strict"

    def writable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        return self._original.fileno()

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        tid = _my_tid()
        lines = (self._partial.pop(tid, "") + text).split("\n")
        for line in lines[:-1]:
            self._send(tid, line)
        if lines[-1]:
            self._partial[tid] = lines[-1]
        return len(text)

    def send_unfinished(self):
        for tid, rest in list(self._partial.items()):
            self._send(tid, rest)
        self._partial.clear()

    def _send(self, tid, line):
        _append((self._kind, _monotonic_ns(), tid, line[:-1] if line.endswith("\r") else line))


_outputs = []


def _capture_output():
    sys.stdout = _OutputLines("P", sys.stdout)
    sys.stderr = _OutputLines("Y", sys.stderr)
    _outputs.extend((sys.stdout, sys.stderr))


# ---------------------------------------------------------------- the run

_ended = [False]
_main_failed = [False]
_exit_status = [0]


def _end(outcome, message, cut_off=False):
    if _ended[0]:
        return
    _ended[0] = True
    _stopping[0] = True
    _releases_seen_by_tracer()
    for tid, thread in list(_threads.items()):
        if tid != 0 and thread.is_alive():
            # atexit comes after every non-daemon thread ended: what is left is cut off now
            _emit("S", tid, "terminated", "killed_at_exit", None)
    for output in _outputs:
        output.send_unfinished()
    if cut_off:
        _emit("S", 0, "terminated", "killed_at_exit", None)
    else:
        _emit("S", 0, "terminated", "exception" if _main_failed[0] else "returned", None)
    _emit("E", outcome, message, _exit_status[0])
    _channel.flush(final=True)


def _discard(message):
    pass


def _leave_in_child():
    """A forked child is another process: what it would send would mix with its parent's on the
    one socket (a second hello, the child's threads as the parent's, its end as the parent's end),
    so the child sends nothing and its output goes to its own descriptors again."""
    global _append
    _ended[0] = True
    _stopping[0] = True
    _append = _discard
    # no flush: the tracer thread may have held the send lock at the fork, and it is not here to free it
    _channel.closed = True
    _channel.messages = []
    try:
        _channel._sock.close()  # the child's copy of the descriptor; the parent's stays open
    except OSError:
        pass
    for output in _outputs:
        if sys.stdout is output:
            sys.stdout = output._original
        if sys.stderr is output:
            sys.stderr = output._original


def _fork():
    pid = _real_fork()
    if pid != 0:
        _emit("F", _my_tid(), pid)
    return pid


def _os_exit(status):
    """os._exit ends the process at once, skipping atexit: what the tracer holds is sent first,
    and every thread still alive, the caller's too, is cut off."""
    if isinstance(status, int) and not _ended[0]:
        _exit_status[0] = status & 0xFF
        _end("completed", "exit status %d: os._exit in %s ended every thread"
             % (_exit_status[0], threading.current_thread().name), cut_off=True)
    _real_os_exit(status)


def _exit_status_of(code):
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    return 1


def _print_from_program(error):
    """Python's own report of an uncaught exception, without the tracer's frames."""
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != _program:
        tb = tb.tb_next
    tb = _tracer_frames_cut(tb)
    # Python's report reads the exception's own traceback: cut the tracer's frames there too
    error.__traceback__ = tb
    sys.excepthook(type(error), error, tb)


def _user_library_prefixes():
    """The folders of the standard library and installed packages: code there is not the program's."""
    site = sys.modules.get("site")
    if site is not None and hasattr(site, "getsitepackages"):
        # what sysconfig.get_paths() would say, without its import and expansion on every start
        prefixes = {os.path.dirname(os.__file__)} | set(site.getsitepackages())
    else:
        import sysconfig
        paths = sysconfig.get_paths()
        prefixes = {paths[key] for key in ("stdlib", "platstdlib", "purelib", "platlib") if key in paths}
    prefixes.add(os.path.dirname(os.path.abspath(__file__)))
    return tuple(sorted(p + os.sep for p in prefixes if p))


def main(argv):
    global _channel, _append, _program, _user_prefixes
    capture = argv[2:4] == ["--output", "channel"]
    if capture:
        argv = argv[:2] + argv[4:]
    if len(argv) < 4 or argv[0] != "--channel" or argv[2] != "--":
        sys.stderr.write("usage: threadstage_launch.py --channel unix:PATH [--output channel] -- PROGRAM.py"
                         " [ARGS...]\n")
        sys.exit(2)
    address = argv[1]
    # python3 3.9 and later give __main__ its file's absolute path: tracebacks and __file__ show it
    program = os.path.abspath(argv[3]) if sys.version_info >= (3, 9) else argv[3]
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    sock.connect(address[len("unix:"):])
    _channel = _Channel(sock)
    _append = _channel.messages.append
    _program = program
    _user_prefixes = _user_library_prefixes()
    _internal_files.update({threading.__file__, __file__, os.path.abspath(__file__)})

    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    _emit("H", PROTOCOL_VERSION, sys.version.split()[0], os.getpid(), bool(gil), os.path.abspath(program))
    main_thread = threading.main_thread()
    main_thread._ts_tid = 0
    main_thread._ts_style = "main"
    _threads[0] = main_thread
    _tids[_get_ident()] = 0
    _local_tid.tid = 0
    _emit("T", 0, main_thread.name, "main", False, _get_ident(), threading.get_native_id())
    _running(0)
    # sent now, not with the first flush: a program that ends within it (os.abort, a signal) was
    # still traced, and ThreadStage says so instead of "the tracer never started"
    _channel.flush()
    if capture:
        _capture_output()

    _patch_threads()
    _patch_waits()
    for loaded in [m for m in _AfterImport.PATCHES if m in sys.modules]:
        _AfterImport.PATCHES[loaded](sys.modules[loaded])
    sys.meta_path.insert(0, _AfterImport())
    threading.Lock = Lock
    threading.RLock = RLock
    os._exit = _os_exit
    if _real_fork is not None:
        os.fork = _fork
        os.register_at_fork(after_in_child=_leave_in_child)
    atexit.register(_end, "completed", None)

    _thread.start_new_thread(_tracer_thread, (program,))

    sys.argv = argv[3:]
    sys.path[0] = os.path.dirname(os.path.abspath(program))
    try:
        with open(program, "rb") as source_file:
            source = source_file.read()
        code = compile(source, program, "exec", dont_inherit=True)
    except SyntaxError as error:
        _print_from_program(error)
        _main_failed[0] = True
        _exit_status[0] = 1
        _emit("X", 0, "SyntaxError", error.msg, False)
        _end("error", "%s: %s (%s, line %s)" % (type(error).__name__, error.msg, program, error.lineno))
        sys.exit(1)

    module = types.ModuleType("__main__")
    module.__file__ = program
    module.__builtins__ = __builtins__
    module.__cached__ = None
    sys.modules["__main__"] = module
    try:
        exec(code, module.__dict__)
    except SystemExit as exit_request:
        _exit_status[0] = _exit_status_of(exit_request.code)
        _emit("S", 0, "waiting", "join", None)
        raise
    except KeyboardInterrupt as error:
        _main_failed[0] = True
        _exit_status[0] = 130
        _emit("X", 0, "KeyboardInterrupt", "", False)
        _print_from_program(error)
        sys.exit(130)
    except BaseException as error:
        _main_failed[0] = True
        _exit_status[0] = 1
        _emit("X", 0, type(error).__name__, str(error), False)
        _print_from_program(error)
        _emit("S", 0, "waiting", "join", None)
        sys.exit(1)
    # as python3 does after __main__: wait for every non-daemon thread, then atexit
    _emit("S", 0, "waiting", "join", None)
