package io.supportkit.routing.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The router's lock: a {@link ReentrantLock} behind a gate that lets one thread at a time hold a short tenure, so
 * that under contention the lock changes hands between threads every few tens of microseconds instead of on every
 * call.
 *
 * <p><b>Why:</b> a routing decision touches dozens of cache lines (task table, agent record, index nodes, queue
 * counters). With a plain lock two threads on two cores take turns call by call, and each call first pulls those
 * lines from the other core's cache: two threads measured a quarter of one thread's throughput, while the same two
 * threads pinned to one CPU, where the scheduler switches them every few milliseconds, kept 85%. The gate gives the
 * same batching across cores: the tenant (the thread that last took over) goes straight to the lock; another thread
 * sleeps at the gate, without touching the lock's cache line, until the tenure ends or the tenant is seen idle, then
 * becomes the tenant itself.
 *
 * <p><b>Guarantees:</b> mutual exclusion, reentrancy and parking are the {@code ReentrantLock}'s. The gate only
 * delays: a thread waits about {@link #TENURE_NANOS} (plus the timer's slack) for a busy tenant, and one more tenure
 * for each other waiter that takes over first, plus the lock's own wait; a tenant that
 * has stopped calling is noticed within about {@link #ARRIVAL_CHECK_NANOS} when the thread arrives, or
 * {@link #IDLE_CHECK_NANOS} while it waits, so calls that come one at a time from different threads (a thread pool)
 * are not kept waiting for a tenure to run out. The tenant's own calls read a field that changes only at a takeover
 * and count themselves in another line, so they stay in its cache.
 */
final class TenureLock {
    /**
     * How long a tenant keeps the lock to itself while others wait. A takeover moves the router's working set (at
     * 15,000 agents several megabytes, much of it written on every call) to the new tenant's core: between two cores
     * that exchange a cache line in 190 ns, two threads kept 45-50% of one thread's throughput with 50 µs tenures and
     * 66-96% with 1 ms ones (benchmarks/RESULTS.md, seventh session). A millisecond is still a third of the operating
     * system's own time slice, and a tenant that stops calling hands over far sooner (the checks below).
     */
    static final long TENURE_NANOS = 1_000_000;
    /**
     * How often a waiting thread looks whether the tenant still calls; each look costs the tenant one cache miss.
     * Not much shorter: at 2 µs a tenant slowed by a migration (a few µs per call) looked idle, so the gate changed
     * hands call by call again and two threads stayed at a fifth of one in some runs.
     */
    static final long IDLE_CHECK_NANOS = 10_000;

    /**
     * How long a thread arriving at the gate watches a free lock before it takes over from a tenant that starts no
     * call: without it, every call of a thread pool whose calls come one at a time from different threads would
     * sleep through an idle check (10 µs plus the timer's slack) although nobody holds the lock.
     */
    static final long ARRIVAL_CHECK_NANOS = 1_000;

    /**
     * How long a thread that holds the gate spins for the lock before it parks in the lock's queue. Right after a
     * takeover the lock is usually held by the previous tenant's last call, which ends within a microsecond or two; a
     * tenant parked for it looked idle to the previous tenant's arrival check, which took the gate back, and the two
     * threads passed the gate to each other call by call, each waking the other through the scheduler (two threads at
     * a fifth of one).
     */
    static final long LOCK_SPIN_NANOS = 5_000;

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);
    /*
     * The gate lives in one array so that its fields sit in known cache lines: the tenant's thread id (read at every look
     * of a waiting thread, written at a takeover) in one line, the tenant's call count (written by every call of the
     * tenant, read by a waiter every IDLE_CHECK_NANOS) in another, both away from the array's
     * ends and so from the lock's own state and any other object.
     */
    private static final int TENANT = 8;
    private static final int CALLS = 24;
    private static final long NO_TENANT = -1;

    private final ReentrantLock lock = new ReentrantLock();
    private final long[] gate = new long[40];

    TenureLock() {
        gate[TENANT] = NO_TENANT;
    }

    void lock() {
        long[] g = gate;
        long me = Thread.currentThread().getId();
        if ((long) SLOTS.getVolatile(g, TENANT) != me && !lock.isHeldByCurrentThread()) {
            awaitTenure(g, me);
        }
        if (!lock.tryLock()) {
            acquireSpinning();
        }
        g[CALLS]++; // under the lock; a waiter only compares two reads of it
    }

    private void acquireSpinning() {
        long start = System.nanoTime();
        do {
            Thread.onSpinWait();
            if (!lock.isLocked() && lock.tryLock()) {
                return;
            }
        } while (System.nanoTime() - start < LOCK_SPIN_NANOS);
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    /**
     * Waits until this thread may take over: the tenant has held the gate for a whole tenure since this thread first
     * saw it there, or made no call for a while. The tenure is timed by each waiter from its own first sight rather
     * than from a start the tenant writes: a start written after the takeover could be read stale, ending the new
     * tenure at once and bringing back the call-by-call alternation.
     */
    private void awaitTenure(long[] g, long me) {
        long now = System.nanoTime();
        long lastCheck = now;
        long calls = (long) SLOTS.getOpaque(g, CALLS);
        long seen = (long) SLOTS.getVolatile(g, TENANT);
        if (tenantQuietFor(ARRIVAL_CHECK_NANOS, g, calls, now) && SLOTS.compareAndSet(g, TENANT, seen, me)) {
            return; // the common case of a thread pool: calls from different threads one after another
        }
        long seenSince = now;
        while (true) {
            long tenant = (long) SLOTS.getVolatile(g, TENANT);
            now = System.nanoTime();
            if (tenant != seen) {
                seen = tenant;
                seenSince = now;
            }
            boolean idle = false;
            if (now - lastCheck >= IDLE_CHECK_NANOS) {
                long c = (long) SLOTS.getOpaque(g, CALLS);
                idle = c == calls && !lock.isLocked() && !lock.hasQueuedThreads();
                calls = c;
                lastCheck = now;
            }
            if (tenant == NO_TENANT || idle || now - seenSince >= TENURE_NANOS) {
                if (SLOTS.compareAndSet(g, TENANT, tenant, me)) {
                    return;
                }
                continue; // another waiter took over first: its tenure starts now
            }
            // sleep rather than spin: a spinning waiter slows the tenant when the two share a physical core
            LockSupport.parkNanos(this, IDLE_CHECK_NANOS);
        }
    }

    /**
     * Whether the lock stays free, nobody waits in its queue and the tenant starts no call for {@code nanos},
     * spinning meanwhile: a tenant busy with calls takes the lock again within a fraction of a microsecond of
     * leaving it, and a tenant parked in the lock's queue is not idle but waiting to be woken.
     */
    private boolean tenantQuietFor(long nanos, long[] g, long calls, long from) {
        while (!lock.isLocked() && (long) SLOTS.getOpaque(g, CALLS) == calls && !lock.hasQueuedThreads()) {
            if (System.nanoTime() - from >= nanos) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }
}
