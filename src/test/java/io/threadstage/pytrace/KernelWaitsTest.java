package io.threadstage.pytrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.threadstage.trace.Reason;
import org.junit.jupiter.api.Test;

/** Where a thread sleeps in the kernel, as Linux 6 names it, read as the GIL or as the call that let it go. */
class KernelWaitsTest {

    @Test
    void aLockOrAnUnknownPlaceMayBeTheGil() {
        assertNull(KernelWaits.of("futex_do_wait"));
        assertNull(KernelWaits.of("futex_wait_queue_me"));
        assertNull(KernelWaits.of("do_futex"));
        assertNull(KernelWaits.of("0"));
        assertNull(KernelWaits.of(""));
        assertNull(KernelWaits.of(null));
    }

    @Test
    void theCallsThatReleaseTheGilAreNamedForAReader() {
        assertEquals(new KernelWaits.Wait(Reason.IO, "a child process"), KernelWaits.of("do_wait"));
        assertEquals(new KernelWaits.Wait(Reason.IO, "a pipe"), KernelWaits.of("anon_pipe_read"));
        assertEquals(new KernelWaits.Wait(Reason.IO, "a pipe"), KernelWaits.of("pipe_read"));
        assertEquals(new KernelWaits.Wait(Reason.IO, "a socket"), KernelWaits.of("unix_stream_read_generic"));
        assertEquals(new KernelWaits.Wait(Reason.IO, "a socket"), KernelWaits.of("inet_csk_accept"));
        assertEquals(new KernelWaits.Wait(Reason.IO, "select/poll"), KernelWaits.of("poll_schedule_timeout.constprop.0"));
        assertEquals(new KernelWaits.Wait(Reason.IO, "the terminal"), KernelWaits.of("n_tty_read"));
        assertEquals(new KernelWaits.Wait(Reason.SLEEP, null), KernelWaits.of("hrtimer_nanosleep"));
        assertEquals(new KernelWaits.Wait(Reason.IO, "folio_wait_bit_common"), KernelWaits.of("folio_wait_bit_common"));
    }
}
