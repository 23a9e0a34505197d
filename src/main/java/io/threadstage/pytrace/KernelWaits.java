package io.threadstage.pytrace;

import io.threadstage.trace.Reason;
import java.util.List;

/**
 * What a thread waits for, read from where it sleeps in the kernel ({@code /proc/PID/task/TID/wchan}),
 * for a thread that Python's view says is running: a thread asleep in a futex waits for a lock, which
 * for a thread in no traced wait is the GIL; one asleep elsewhere is blocked in a call that released the
 * GIL (a socket, a pipe, a child process, {@code select}), which the chapter's point is that I/O does.
 * Stateless.
 */
final class KernelWaits {

    /** A wait that is not the GIL's: the trace's reason and what it waits on, in a reader's words. */
    record Wait(Reason reason, String on) {
    }

    private record Place(String prefix, Wait meaning) {
    }

    private static final Reason IO = Reason.IO;
    private static final List<Place> PLACES = List.of(
            new Place("do_wait", new Wait(IO, "a child process")),
            new Place("anon_pipe_", new Wait(IO, "a pipe")),
            new Place("pipe_", new Wait(IO, "a pipe")),
            new Place("unix_", new Wait(IO, "a socket")),
            new Place("inet_", new Wait(IO, "a socket")),
            new Place("sk_wait", new Wait(IO, "a socket")),
            new Place("tcp_", new Wait(IO, "a socket")),
            new Place("udp_", new Wait(IO, "a socket")),
            new Place("__skb_", new Wait(IO, "a socket")),
            new Place("poll_schedule_timeout", new Wait(IO, "select/poll")),
            new Place("do_select", new Wait(IO, "select/poll")),
            new Place("do_sys_poll", new Wait(IO, "select/poll")),
            new Place("ep_poll", new Wait(IO, "select/poll")),
            new Place("do_epoll_wait", new Wait(IO, "select/poll")),
            new Place("n_tty_", new Wait(IO, "the terminal")),
            new Place("tty_", new Wait(IO, "the terminal")),
            new Place("hrtimer_nanosleep", new Wait(Reason.SLEEP, null)),
            new Place("do_nanosleep", new Wait(Reason.SLEEP, null)));

    private KernelWaits() {
    }

    /**
     * The wait of a thread asleep at {@code wchan}, or null when it may be the GIL's: a futex (any
     * lock, the GIL among them), or a place unknown ({@code 0}: the kernel would not say, or the
     * thread was just waking).
     */
    static Wait of(String wchan) {
        if (wchan == null || wchan.isEmpty() || wchan.equals("0") || wchan.contains("futex")) {
            return null;
        }
        for (Place place : PLACES) {
            if (wchan.startsWith(place.prefix())) {
                return place.meaning();
            }
        }
        // a call that blocked in the kernel outside any lock: named as the kernel names the place
        return new Wait(IO, wchan);
    }
}
