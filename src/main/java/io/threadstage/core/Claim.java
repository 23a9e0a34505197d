package io.threadstage.core;

/**
 * When a woken waiter takes what it waited for, relative to taking the GIL back. CPython's
 * {@code Lock} is a C semaphore: the woken thread owns the lock before it waits for the GIL.
 * Everything built in Python on {@code Condition} ({@code queue.Queue}, {@code Event},
 * futures, the executor's work queue) looks again only once it holds the GIL, so an item can be
 * taken by a thread that was running meanwhile, and the waiter then waits again at the back.
 */
enum Claim {
    BEFORE_GIL,
    AFTER_GIL
}
