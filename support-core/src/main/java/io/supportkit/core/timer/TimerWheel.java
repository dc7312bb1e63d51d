package io.supportkit.core.timer;

import io.supportkit.ConfigurationException;
import io.supportkit.ConflictException;
import io.supportkit.InvalidInputException;
import io.supportkit.internal.Require;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 * reminders) with O(1) schedule and cancel, driven by the injected clock.
 *
 * <p>Nothing runs by itself: {@link #advance()} reads the clock and runs every timer whose deadline has passed, in
 * deadline order, on the calling thread. A host calls it from its own scheduler ({@link #driveWith} does that with
 * a {@link ScheduledExecutorService}); a test advances a {@code VirtualClock} by a whole day and calls
 * {@code advance()} once: every deadline of that day fires, in order, in milliseconds, because empty stretches of
 * the wheel are skipped with bitmaps instead of tick by tick.
 *
 * <p>Two ways to hold a timer. {@link #scheduleTimer(Instant, Runnable)} and {@link #scheduleTimerNanos} return a
 * {@code long} timer id and {@link #cancelTimer(long)} takes it: nothing is allocated, and this is the path for
 * hot callers (the SLA tracker, millions of timers). {@link #schedule}, {@link #scheduleAfter} and
 * {@link #scheduleNanos} return a {@link Timeout} handle, a small object around the id, for convenience. An id
 * carries a generation, so an id whose timer already fired or was cancelled can never cancel the timer that later
 * reuses its entry; ids are only meaningful to the wheel that issued them ({@link #NO_TIMER}, 0, is never one).
 *
 * <p>Design: 11 levels of 64 slots; level {@code L} slot {@code s} holds timers whose tick differs from the
 * current tick first in base-64 digit {@code L} and has digit {@code s} there. A timer moves down a level when the
 * current time reaches its slot, so it is touched at most once per level, and it fires within one tick after its
 * deadline, never before. There is no object per timer: a timer is an entry of two dense arrays (in the style of
 * Agrona's {@code DeadlineTimerWheel}): its task in an {@code Object[]}, and next, previous, generation and deadline
 * side by side in an {@code int[]} record of 20 bytes, so a slot's doubly linked list is a chain of indexes,
 * unlinking a timer touches its own record and one of each neighbour, and 1,000,000 timers are 24 MB of arrays
 * rather than 40 MB of objects scattered over the heap. The first 704 entries are the slots' list heads (so
 * unlinking needs no "am I first" branch); free entries form a LIFO list. A cancel makes the id stale and the
 * timer no longer pending at once, and unlinks it in a batch with the next 63 cancels (or at the next advance), so
 * that the writes into the neighbours of many cancelled timers are in flight together; until then at most 63
 * cancelled tasks stay referenced. The arrays double when full and never shrink: 24 bytes per entry, 25 to 40
 * bytes per pending timer including the spare capacity (48 at worst, just after a doubling).
 *
 * <p>Cost (see {@code benchmarks/RESULTS.md}, measured on a shared 2-core VM): a schedule plus a cancel of a
 * random pending timer is about 20 ns of CPU time at 10,000 pending and 160-190 ns at 1,000,000, where two
 * dependent cache misses (the caller's id, the timer's record) dominate; 2.4x to 6.5x faster than Netty's
 * {@code HashedWheelTimer} and the JDK's {@code ScheduledThreadPoolExecutor} in the same runs. Expiry of timers
 * spread over an hour: about 2.8 million per second.
 *
 * <p>Thread-safe: schedule and cancel from any thread (a short lock, no allocation on the id path). Tasks run
 * outside the lock, so they may schedule and cancel timers; a task that throws is logged and the others still run.
 * Only one thread advances at a time; a call to {@code advance()} from inside a task returns 0 at once.
 *
 * <pre>{@code
 * VirtualClock clock = VirtualClock.at(Instant.parse("2026-08-05T00:00:00Z"));
 * TimerWheel wheel = TimerWheel.builder().clock(clock).tick(Duration.ofMillis(1)).build();
 * long reminder = wheel.scheduleTimer(clock.instant().plus(Duration.ofMinutes(30)),
 *         () -> System.out.println("reminder"));
 * clock.advance(Duration.ofDays(1));
 * wheel.advance(); // prints "reminder"
 * wheel.cancelTimer(reminder); // false: it already fired
 * }</pre>
 */
public final class TimerWheel {
    /** Never the id of a timer: a caller's "no timer" value. */
    public static final long NO_TIMER = 0L;

    private static final Logger LOG = LoggerFactory.getLogger(TimerWheel.class);
    private static final VarHandle LOCK;

    static {
        try {
            LOCK = MethodHandles.lookup().findVarHandle(TimerWheel.class, "locked", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    private static final int BITS = 6;
    private static final int SLOTS = 1 << BITS;
    private static final int MASK = SLOTS - 1;
    private static final int LEVELS = 11;
    /** Entries 0 .. HEADS-1 are the list heads of the slots, entry = level * SLOTS + slot. */
    private static final int HEADS = LEVELS * SLOTS;
    /**
     * Layout of an entry in {@link #links}: next, previous, generation, and the deadline's low and high words, so
     * that everything schedule and cancel touch of one timer but its task lies in one 20-byte record.
     */
    private static final int NEXT = 0;
    private static final int PREV = 1;
    private static final int GEN = 2;
    private static final int DEADLINE_LO = 3;
    private static final int DEADLINE_HI = 4;
    private static final int STRIDE = 5;
    /** The previous index of an entry that holds no timer. */
    private static final int FREE = -1;
    private static final int INITIAL_CAPACITY = 1024;
    private static final int CANCEL_BATCH = 64;
    private static final int MAX_CAPACITY = (Integer.MAX_VALUE - 16) / STRIDE;

    private final InstantSource clock;
    private final long tickNanos;
    private final long originSecond;
    private final int originNano;
    private final long[] occupied = new long[LEVELS];
    private final ReentrantLock driver = new ReentrantLock();
    /** 1 while a thread holds the wheel's lock; see {@link #lock()}. */
    @SuppressWarnings("unused")
    private volatile int locked;
    private long now;
    private long pending;
    private int capacity;
    private int[] links;
    private Object[] tasks;
    private int freeHead = FREE;
    /** Cancelled entries not yet unlinked: their ids are already stale and pending() no longer counts them. */
    private final int[] cancelled = new int[CANCEL_BATCH];
    private int cancelledCount;
    /** Timers taken off the wheel by one step of {@link #advance()}; touched only by the thread holding driver. */
    private long[] batchDeadlines = new long[64];
    private Runnable[] batchTasks = new Runnable[64];

    private TimerWheel(Builder b) {
        this.clock = b.clock;
        this.tickNanos = b.tick.toNanos();
        Instant origin = clock.instant();
        this.originSecond = origin.getEpochSecond();
        this.originNano = origin.getNano();
        this.capacity = HEADS;
        this.links = new int[HEADS * STRIDE];
        this.tasks = new Object[HEADS];
        for (int h = 0; h < HEADS; h++) {
            links[h * STRIDE + NEXT] = h;
            links[h * STRIDE + PREV] = h;
        }
        grow(INITIAL_CAPACITY);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The clock this wheel reads. */
    public InstantSource clock() {
        return clock;
    }

    // ---------------------------------------------------------------- the allocation-free id path

    /**
     * Schedules {@code task} to run at the first {@link #advance()} at or after {@code deadline} and returns the
     * timer's id for {@link #cancelTimer(long)}; allocates nothing (apart from growing the arrays when full).
     */
    public long scheduleTimer(Instant deadline, Runnable task) {
        Require.nonNull(deadline, "deadline");
        return scheduleTimerNanos(relativeNanos(deadline), Require.nonNull(task, "task"));
    }

    /**
     * As {@link #scheduleTimer(Instant, Runnable)} with the deadline in nanoseconds since the wheel's origin
     * ({@link #nanosSinceOrigin}).
     */
    public long scheduleTimerNanos(long deadlineNanos, Runnable task) {
        if (task == null) {
            throw new InvalidInputException("task must not be null");
        }
        long tick = ceilTick(deadlineNanos);
        lock();
        try {
            int e = allocate();
            links[e * STRIDE + DEADLINE_LO] = (int) deadlineNanos;
            links[e * STRIDE + DEADLINE_HI] = (int) (deadlineNanos >>> 32);
            tasks[e] = task;
            insert(e, Math.max(tick, now));
            pending++;
            return ((long) links[e * STRIDE + GEN] << 32) | e;
        } finally {
            unlock();
        }
    }

    /**
     * Cancels the timer with this id; true if it was pending, false if it already fired, was cancelled, or the id
     * is {@link #NO_TIMER} or not one of this wheel's. The entry is freed at once (nothing stays in the wheel until
     * the deadline, unlike wheels that only mark cancelled timers).
     */
    public boolean cancelTimer(long timerId) {
        int e = (int) timerId;
        int gen = (int) (timerId >>> 32);
        lock();
        try {
            if (e < HEADS || e >= capacity) {
                return false;
            }
            int[] l = links;
            int base = e * STRIDE;
            int prev = l[base + PREV];
            if (l[base + GEN] != gen || prev == FREE) {
                return false;
            }
            // the id goes stale now; the unlink waits for the batch (see flushCancelled)
            l[base + GEN]++;
            pending--;
            cancelled[cancelledCount++] = e;
            if (cancelledCount == cancelled.length) {
                flushCancelled();
            }
            return true;
        } finally {
            unlock();
        }
    }

    /** True while the timer with this id neither fired nor was cancelled. */
    public boolean isPending(long timerId) {
        int e = (int) timerId;
        lock();
        try {
            return e >= HEADS && e < capacity && links[e * STRIDE + GEN] == (int) (timerId >>> 32)
                    && links[e * STRIDE + PREV] != FREE;
        } finally {
            unlock();
        }
    }

    // ---------------------------------------------------------------- the handle path

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
     * Schedules with the deadline given in nanoseconds since the wheel's origin ({@link #nanosSinceOrigin}) and
     * returns a handle; {@link #scheduleTimerNanos} is the same without the handle.
     */
    public Timeout scheduleNanos(long deadlineNanos, Runnable task) {
        return new Handle(this, scheduleTimerNanos(deadlineNanos, task), deadlineNanos);
    }

    /** Nanoseconds from the wheel's origin (the clock at build time) to {@code t}, saturating. */
    public long nanosSinceOrigin(Instant t) {
        return relativeNanos(Require.nonNull(t, "t"));
    }

    /** Timers scheduled and neither fired nor cancelled. */
    public long pending() {
        lock();
        try {
            return pending;
        } finally {
            unlock();
        }
    }

    /**
     * The earliest instant at which {@link #advance()} can have work to do (fire timers or move them down a level),
     * or empty when no timer is pending. A host scheduler sleeps until then; calling earlier is harmless.
     */
    public Optional<Instant> nextWakeUp() {
        long tick;
        lock();
        try {
            tick = nextEventTick();
        } finally {
            unlock();
        }
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
                lock();
                try {
                    count = collectNextBatch(target);
                } finally {
                    unlock();
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

    // ---------------------------------------------------------------- the lock

    /**
     * Takes the wheel's lock: a compare-and-set, spinning briefly and then yielding while another thread holds it
     * (critical sections are a few dozen instructions, apart from moving one slot down a level in advance()).
     * Hand-made rather than {@code synchronized} because a monitor costs two atomic instructions per operation
     * (enter and exit) and this lock one (the release is a plain ordered store): a schedule-and-cancel pair at
     * 10,000 pending went from 28 to 21 ns of CPU time. Every atomic instruction also waits until the stores
     * before it reached the cache, which is why cancels unlink in batches ({@link #flushCancelled}).
     */
    private void lock() {
        if (LOCK.compareAndSet(this, 0, 1)) {
            return;
        }
        for (int spins = 0; !LOCK.compareAndSet(this, 0, 1); spins++) {
            if (spins < 64) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    private void unlock() {
        LOCK.setRelease(this, 0);
    }

    // ---------------------------------------------------------------- entries

    private int allocate() {
        if (freeHead == FREE && cancelledCount > 0) {
            flushCancelled();
        }
        if (freeHead == FREE) {
            if (capacity == MAX_CAPACITY) {
                throw new ConflictException("the timer wheel holds its maximum of " + (MAX_CAPACITY - HEADS)
                        + " pending timers");
            }
            grow((int) Math.min((long) capacity * 2, MAX_CAPACITY));
        }
        int e = freeHead;
        freeHead = links[e * STRIDE + NEXT];
        return e;
    }

    /** Frees an entry that is no longer linked; the new generation makes every id issued for it stale. */
    private void release(int e) {
        links[e * STRIDE + GEN]++;
        free(e);
    }

    private void free(int e) {
        int base = e * STRIDE;
        links[base + PREV] = FREE;
        links[base + NEXT] = freeHead;
        freeHead = e;
        tasks[e] = null;
    }

    /**
     * Unlinks and frees the cancelled entries. Why in batches: a cancel reads its own record (one cache miss at a
     * million timers, unavoidable) but must also write into its two neighbours, which are elsewhere in memory, and
     * the next atomic instruction (the lock of the next schedule) would wait until those writes reached the cache.
     * Done 64 at a time, the writes of many cancels are in flight together and that wait is shared, which made a
     * schedule-and-cancel pair at 1,000,000 pending about a third cheaper (benchmarks/RESULTS.md). Called before
     * anything walks the lists (advance) and before the arrays would grow; at most 63 cancelled tasks stay
     * referenced until then.
     */
    private void flushCancelled() {
        int[] l = links;
        for (int i = 0; i < cancelledCount; i++) {
            int e = cancelled[i];
            int base = e * STRIDE;
            int prev = l[base + PREV];
            int next = l[base + NEXT];
            l[prev * STRIDE + NEXT] = next;
            l[next * STRIDE + PREV] = prev;
            if (prev == next && prev < HEADS) {
                occupied[prev >>> BITS] &= ~(1L << (prev & MASK));
            }
            free(e);
        }
        cancelledCount = 0;
    }

    private void grow(int newCapacity) {
        int old = capacity;
        links = Arrays.copyOf(links, newCapacity * STRIDE);
        tasks = Arrays.copyOf(tasks, newCapacity);
        // chained so that the lowest new entry is allocated first: a growing wheel fills its arrays in order
        for (int e = newCapacity - 1; e >= old; e--) {
            links[e * STRIDE + PREV] = FREE;
            links[e * STRIDE + NEXT] = freeHead;
            freeHead = e;
        }
        capacity = newCapacity;
    }

    // ---------------------------------------------------------------- the wheel

    /** Cascades lower until a level-0 slot at or before target is due; returns its size, or -1 when none is. */
    private int collectNextBatch(long target) {
        if (cancelledCount > 0) {
            flushCancelled();
        }
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

    private void cascade(int head, int level, int slot) {
        int[] l = links;
        int e = l[head * STRIDE + NEXT];
        l[head * STRIDE + NEXT] = head;
        l[head * STRIDE + PREV] = head;
        occupied[level] &= ~(1L << slot);
        while (e != head) {
            int next = l[e * STRIDE + NEXT];
            insert(e, Math.max(ceilTick(deadline(e)), now));
            e = next;
        }
    }

    /** Moves a due level-0 slot's timers into the batch and frees their entries (so tasks can reuse them). */
    private int detachDue(int head) {
        int[] l = links;
        int count = 0;
        for (int e = l[head * STRIDE + NEXT]; e != head; ) {
            int next = l[e * STRIDE + NEXT];
            if (count == batchTasks.length) {
                batchTasks = Arrays.copyOf(batchTasks, count * 2);
                batchDeadlines = Arrays.copyOf(batchDeadlines, count * 2);
            }
            batchDeadlines[count] = deadline(e);
            batchTasks[count] = (Runnable) tasks[e];
            count++;
            release(e);
            e = next;
        }
        l[head * STRIDE + NEXT] = head;
        l[head * STRIDE + PREV] = head;
        occupied[0] &= ~(1L << head);
        pending -= count;
        return count;
    }

    private long run(int count) {
        if (count > 1) {
            sortBatchByDeadline(count);
        }
        Runnable[] b = batchTasks;
        for (int i = 0; i < count; i++) {
            Runnable task = b[i];
            b[i] = null;
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

    /** Stable, so timers with equal deadlines run in the order they were scheduled (a slot is FIFO). */
    private void sortBatchByDeadline(int count) {
        long[] d = batchDeadlines;
        boolean sorted = true;
        for (int i = 1; i < count && sorted; i++) {
            sorted = d[i] >= d[i - 1];
        }
        if (sorted) {
            return;
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Long.compare(d[x], d[y]));
        long[] sortedDeadlines = new long[count];
        Runnable[] sortedTasks = new Runnable[count];
        for (int i = 0; i < count; i++) {
            sortedDeadlines[i] = d[order[i]];
            sortedTasks[i] = batchTasks[order[i]];
        }
        System.arraycopy(sortedDeadlines, 0, batchDeadlines, 0, count);
        System.arraycopy(sortedTasks, 0, batchTasks, 0, count);
    }

    private long deadline(int e) {
        return ((long) links[e * STRIDE + DEADLINE_HI] << 32) | (links[e * STRIDE + DEADLINE_LO] & 0xFFFF_FFFFL);
    }

    private void insert(int e, long tick) {
        int level;
        if (tick == now) {
            level = 0;
        } else {
            level = (63 - Long.numberOfLeadingZeros(tick ^ now)) / BITS;
        }
        int slot = (int) ((tick >>> (BITS * level)) & MASK);
        int head = level * SLOTS + slot;
        int[] l = links;
        int tail = l[head * STRIDE + PREV];
        l[e * STRIDE + PREV] = tail;
        l[e * STRIDE + NEXT] = head;
        l[tail * STRIDE + NEXT] = e;
        l[head * STRIDE + PREV] = e;
        occupied[level] |= 1L << slot;
    }

    private long nextEventTick() {
        if (cancelledCount > 0) {
            flushCancelled(); // so that a slot emptied by cancels does not count as work
        }
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

    /** The {@link Timeout} face of a timer id. */
    private static final class Handle implements Timeout {
        private final TimerWheel wheel;
        private final long id;
        private final long deadline;

        Handle(TimerWheel wheel, long id, long deadline) {
            this.wheel = wheel;
            this.id = id;
            this.deadline = deadline;
        }

        @Override
        public boolean cancel() {
            return wheel.cancelTimer(id);
        }

        @Override
        public boolean isPending() {
            return wheel.isPending(id);
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
