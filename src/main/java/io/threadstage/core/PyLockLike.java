package io.threadstage.core;

/** What {@code acquire}, {@code release} and {@code with} need of a Lock or an RLock. Each guards itself. */
interface PyLockLike {

    /** {@code lock.acquire(timeout=)}; negative timeout: block. Returns whether it was acquired. */
    boolean acquire(PyThread me, long timeoutNanos);

    void release(PyThread me);
}
