package io.supportkit.core.timer;

import io.supportkit.ConfigurationException;
import io.supportkit.InvalidInputException;
import io.supportkit.internal.Require;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A hierarchical timing wheel holding any number of deadlines (SLA breaches, offer timeouts, survey delays,
 * reminders) with O(1) {@link #schedule} and {@link Timeout#cancel}, driven by the injected clock.
 *
 * <p>Nothing runs by itself: {@link #advance()} reads the clock and runs every timer whose deadline has passed, in
 * deadline order, on the calling thread. A host calls it from its own scheduler ({@link #driveWith} does that with
 * a {@link ScheduledExecutorService}); a test advances a {@code VirtualClock} by a whole day and calls
 * {@code advance()} once: every deadline of that day fires, in order, in milliseconds, because empty stretches of
 * the wheel are skipped with bitmaps instead of tick by tick.
 *
 * <p>Design: 11 levels of 64 slots; level {@code L} slot {@code s} holds timers whose tick differs from the
 * current tick first in base-64 digit {@code L} and has digit {@code s} there. A timer moves down a level when the
 * current time reaches its slot, so it is touched at most once per level, and it fires within one tick after its
 * deadline, never before. Each pending timer is one 40-byte node in an intrusive doubly linked list (see
 * {@code benchmarks/RESULTS.md}).
 *
 * <p>Thread-safe: schedule and cancel from any thread (a short lock, no allocation but the node). Tasks run outside
 * the lock, so they may schedule and cancel timers; a task that throws is logged and the others still run. Only one
 * thread advances at a time; a call to {@code advance()} from inside a task returns 0 at once.
 *
 * <pre>{@code
 * VirtualClock clock = VirtualClock.at(Instant.parse("2026-08-05T00:00:00Z"));
 * TimerWheel wheel = TimerWheel.builder().clock(clock).tick(Duration.ofMillis(1)).build();
 * wheel.scheduleAfter(Duration.ofMinutes(30), () -> System.out.println("reminder"));
 * clock.advance(Duration.ofDays(1));
 * wheel.advance(); // prints "reminder"
 * }</pre>
 */
public final class TimerWheel {
    private static final Logger LOG = LoggerFactory.getLogger(TimerWheel.class);
    private static final int BITS = 6;
    private static final int SLOTS = 1 << BITS;
    private static final int MASK = SLOTS - 1;
    private static final int LEVELS = 11;
    /** Marks list heads, which are nodes too so that unlinking needs no branch on "am I first". */
    private static final Runnable HEAD = () -> { };

    private final InstantSource clock;
    private final long tickNanos;
    private final long originSecond;
    private final int originNano;
    private final Node[] heads = new Node[LEVELS * SLOTS];
    private final long[] occupied = new long[LEVELS];
    private final ReentrantLock driver = new ReentrantLock();
    private long now;
    private long pending;
    private Node[] batch = new Node[64];

    private TimerWheel(Builder b) {
        this.clock = b.clock;
        this.tickNanos = b.tick.toNanos();
        Instant origin = clock.instant();
        this.originSecond = origin.getEpochSecond();
        this.originNano = origin.getNano();
        for (int i = 0; i < heads.length; i++) {
            Node h = new Node(this, i, HEAD);
            h.prev = h;
            h.next = h;
            heads[i] = h;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The clock this wheel reads. */
    public InstantSource clock() {
        return clock;
    }

    /** Schedules {@code task} to run at the first {@link #advance()} at or after {@code deadline}. */
    public Timeout schedule(Instant deadline, Runnable task) {
        Require.nonNull(deadline, "deadline");
        return scheduleNanos(relativeNanos(deadline), Require.nonNull(task, "task"));
    }

    /** Schedules {@code task} {@code delay} after the clock's current instant. */
    public Timeout scheduleAfter(Duration delay, Runnable task) {
        Require.nonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new InvalidInputException("delay must not be negative, was " + delay);
        }
        return schedule(clock.instant().plus(delay), task);
    }

    /**
     * Schedules with the deadline given in nanoseconds since the wheel's origin ({@link #nanosSinceOrigin}); the
     * allocation-free path for hot callers.
     */
    public Timeout scheduleNanos(long deadlineNanos, Runnable task) {
        Node n = new Node(this, deadlineNanos, task);
        long tick = ceilTick(deadlineNanos);
        synchronized (this) {
            insert(n, Math.max(tick, now));
            pending++;
        }
        return n;
    }

    /** Nanoseconds from the wheel's origin (the clock at build time) to {@code t}, saturating. */
    public long nanosSinceOrigin(Instant t) {
        return relativeNanos(Require.nonNull(t, "t"));
    }

    /** Timers scheduled and neither fired nor cancelled. */
    public synchronized long pending() {
        return pending;
    }

    /**
     * The earliest instant at which {@link #advance()} can have work to do (fire timers or move them down a level),
     * or empty when no timer is pending. A host scheduler sleeps until then; calling earlier is harmless.
     */
    public synchronized Optional<Instant> nextWakeUp() {
        long tick = nextEventTick();
        if (tick == Long.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(toInstant(tick * tickNanos));
    }

    /**
     * Runs, on the calling thread and in deadline order, every pending timer whose deadline is at or before the
     * clock's current instant; returns how many ran. Timers that tasks schedule for that time or earlier run in the
     * same call.
     */
    public long advance() {
        if (driver.isHeldByCurrentThread()) {
            return 0;
        }
        driver.lock();
        try {
            long target = Math.floorDiv(relativeNanos(clock.instant()), tickNanos);
            long fired = 0;
            while (true) {
                int count;
                synchronized (this) {
                    count = collectNextBatch(target);
                }
                if (count < 0) {
                    return fired;
                }
                fired += run(count);
            }
        } finally {
            driver.unlock();
        }
    }

    /**
     * Calls {@link #advance()} every {@code period} on {@code scheduler} until the returned handle is closed.
     * The scheduler is the host's; this wheel never starts threads of its own.
     */
    public AutoCloseable driveWith(ScheduledExecutorService scheduler, Duration period) {
        Require.nonNull(scheduler, "scheduler");
        Require.nonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new InvalidInputException("period must be positive, was " + period);
        }
        ScheduledFuture<?> f = scheduler.scheduleAtFixedRate(() -> {
            try {
                advance();
            } catch (RuntimeException e) {
                LOG.error("timer wheel advance failed", e);
            }
        }, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    /** Cascades lower until a level-0 slot at or before target is due; returns its size, or -1 when none is. */
    private int collectNextBatch(long target) {
        if (target < now) {
            target = now; // a host clock that steps back must not move the wheel back
        }
        while (true) {
            long bits0 = occupied[0] & (-1L << (now & MASK));
            if (bits0 != 0) {
                long tick = (now & ~(long) MASK) | Long.numberOfTrailingZeros(bits0);
                if (tick > target) {
                    now = target;
                    return -1;
                }
                now = tick;
                return detachDue((int) (tick & MASK));
            }
            int level = 1;
            long bits = 0;
            for (; level < LEVELS; level++) {
                int digit = (int) ((now >>> (BITS * level)) & MASK);
                bits = digit == MASK ? 0 : occupied[level] & (-1L << (digit + 1));
                if (bits != 0) {
                    break;
                }
            }
            if (level == LEVELS) {
                now = Math.max(now, target);
                return -1;
            }
            int shift = BITS * level;
            int slot = Long.numberOfTrailingZeros(bits);
            long upper = shift + BITS >= 64 ? 0 : (now >>> (shift + BITS)) << (shift + BITS);
            long tick = upper | ((long) slot << shift);
            if (tick > target) {
                now = target;
                return -1;
            }
            now = tick;
            cascade(level * SLOTS + slot, level, slot);
        }
    }

    private void cascade(int index, int level, int slot) {
        Node head = heads[index];
        Node n = head.next;
        head.next = head;
        head.prev = head;
        occupied[level] &= ~(1L << slot);
        while (n != head) {
            Node next = n.next;
            insert(n, Math.max(ceilTick(n.deadline), now));
            n = next;
        }
    }

    private int detachDue(int slot) {
        Node head = heads[slot];
        int count = 0;
        for (Node n = head.next; n != head; ) {
            Node next = n.next;
            if (count == batch.length) {
                batch = Arrays.copyOf(batch, count * 2);
            }
            batch[count++] = n;
            n.prev = null;
            n.next = null;
            n = next;
        }
        head.next = head;
        head.prev = head;
        occupied[0] &= ~(1L << slot);
        pending -= count;
        return count;
    }

    private long run(int count) {
        Node[] b = batch;
        if (count > 1) {
            sortByDeadline(b, count);
        }
        for (int i = 0; i < count; i++) {
            Node n = b[i];
            b[i] = null;
            Runnable task = n.task;
            n.task = null;
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError) {
                    throw e;
                }
                LOG.error("timer task failed; the wheel carries on", e);
            }
        }
        return count;
    }

    private static void sortByDeadline(Node[] b, int count) {
        for (int i = 1; i < count; i++) {
            if (b[i].deadline < b[i - 1].deadline) {
                Arrays.sort(b, 0, count, (x, y) -> Long.compare(x.deadline, y.deadline));
                return;
            }
        }
    }

    private void insert(Node n, long tick) {
        int level;
        if (tick == now) {
            level = 0;
        } else {
            level = (63 - Long.numberOfLeadingZeros(tick ^ now)) / BITS;
        }
        int slot = (int) ((tick >>> (BITS * level)) & MASK);
        Node head = heads[level * SLOTS + slot];
        Node tail = head.prev;
        n.prev = tail;
        n.next = head;
        tail.next = n;
        head.prev = n;
        occupied[level] |= 1L << slot;
    }

    private synchronized boolean unlink(Node n) {
        Node prev = n.prev;
        if (prev == null) {
            return false;
        }
        Node next = n.next;
        prev.next = next;
        next.prev = prev;
        n.prev = null;
        n.next = null;
        n.task = null;
        pending--;
        if (prev == next && prev.task == HEAD) {
            int index = (int) prev.deadline;
            occupied[index >>> BITS] &= ~(1L << (index & MASK));
        }
        return true;
    }

    private long nextEventTick() {
        long bits0 = occupied[0] & (-1L << (now & MASK));
        if (bits0 != 0) {
            return (now & ~(long) MASK) | Long.numberOfTrailingZeros(bits0);
        }
        for (int level = 1; level < LEVELS; level++) {
            int digit = (int) ((now >>> (BITS * level)) & MASK);
            long bits = digit == MASK ? 0 : occupied[level] & (-1L << (digit + 1));
            if (bits != 0) {
                int shift = BITS * level;
                long upper = shift + BITS >= 64 ? 0 : (now >>> (shift + BITS)) << (shift + BITS);
                return upper | ((long) Long.numberOfTrailingZeros(bits) << shift);
            }
        }
        return Long.MAX_VALUE;
    }

    private long ceilTick(long deadlineNanos) {
        if (deadlineNanos <= 0) {
            return 0;
        }
        return (deadlineNanos - 1) / tickNanos + 1;
    }

    private long relativeNanos(Instant t) {
        long seconds = t.getEpochSecond() - originSecond;
        long nanos = t.getNano() - originNano;
        if (seconds > 9_000_000_000L) {
            return Long.MAX_VALUE / 2;
        }
        if (seconds < -9_000_000_000L) {
            return Long.MIN_VALUE / 2;
        }
        return seconds * 1_000_000_000L + nanos;
    }

    private Instant toInstant(long relative) {
        return Instant.ofEpochSecond(originSecond, originNano).plusNanos(relative);
    }

    /** One pending timer, linked into its slot's list; also the list heads (task == HEAD, deadline = slot index). */
    private static final class Node implements Timeout {
        final TimerWheel wheel;
        final long deadline;
        Node prev;
        Node next;
        Runnable task;

        Node(TimerWheel wheel, long deadline, Runnable task) {
            this.wheel = wheel;
            this.deadline = deadline;
            this.task = task;
        }

        @Override
        public boolean cancel() {
            return wheel.unlink(this);
        }

        @Override
        public boolean isPending() {
            synchronized (wheel) {
                return prev != null;
            }
        }

        @Override
        public Instant deadline() {
            return wheel.toInstant(deadline);
        }

        @Override
        public String toString() {
            return "Timeout[" + deadline() + (isPending() ? ", pending]" : "]");
        }
    }

    /**
     * Configures a {@link TimerWheel}. Not thread-safe. Defaults: tick 1 ms; the clock is required.
     */
    public static final class Builder {
        private InstantSource clock;
        private Duration tick = Duration.ofMillis(1);

        private Builder() {
        }

        /** The clock the wheel reads; required. */
        public Builder clock(InstantSource clock) {
            this.clock = Require.nonNull(clock, "clock");
            return this;
        }

        /** Resolution: a timer fires within one tick after its deadline. Between 1 µs and 1 minute. */
        public Builder tick(Duration tick) {
            Require.nonNull(tick, "tick");
            if (tick.compareTo(Duration.ofNanos(1000)) < 0 || tick.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new ConfigurationException("tick must be between 1 µs and 1 minute, was " + tick);
            }
            this.tick = tick;
            return this;
        }

        public TimerWheel build() {
            if (clock == null) {
                throw new ConfigurationException("clock is required: pass the engine's InstantSource");
            }
            return new TimerWheel(this);
        }
    }
}
