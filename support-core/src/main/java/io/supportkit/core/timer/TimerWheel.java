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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
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
 * {@link #scheduleNanos} return a {@link Timeout} handle, a small object around the id, for convenience.
 * {@link #discardTimer(long)} cancels without saying whether the timer was still pending, which lets the wheel check
 * ids in batches; callers that ignore the answer of a cancel (the SLA tracker, durable timers) use it. An id
 * carries a generation, so an id whose timer already fired or was cancelled can never cancel the timer that later
 * reuses its entry, however many times the entry is reused: an entry whose generations are used up (after 2^29 to
 * 2^30 reuses) is retired rather than wrapped around to a generation it had before (22 bytes per retired entry).
 * Ids are only meaningful to the wheel that issued them ({@link #NO_TIMER}, 0, is never one): each wheel starts
 * its generations at a random point, so another wheel's id passes for one of this wheel's only by a 1 in 2^29
 * chance.
 *
 * <p>Deadlines lie within about 146 years (2^62 ns) of the wheel's origin; a later one, up to {@code Instant.MAX}
 * for "never", is held at that horizon: the timer fires once the clock reaches it, and its {@link Timeout}
 * reports the horizon as its deadline.
 *
 * <p>Design: 11 levels of 64 slots; level {@code L} slot {@code s} holds timers whose tick differs from the
 * current tick first in base-64 digit {@code L} and has digit {@code s} there. A timer moves down a level when the
 * current time reaches its slot, so it is touched at most once per level, and it fires within one tick after its
 * deadline, never before as long as the clock does not step back (see {@link #time()}). There is no object per
 * timer: a timer is an entry of dense arrays (in the style of Agrona's {@code DeadlineTimerWheel}), 22 bytes per
 * entry: a generation-and-state word, the next entry of its slot's singly linked list, its slot, its deadline and
 * its task. An id is the entry plus its generation.
 *
 * <p>Cancel is lazy: it checks and updates the entry's generation word, in a 4-bytes-per-entry array that stays
 * mostly in cache where the 20-byte records of a whole wheel would not, and touches nothing else. The id is stale
 * and the timer no longer pending at once; the entry stays in its slot list until that slot is processed (a
 * cascade or an expiry skips and frees it) or until a compaction: when no entry is free and at least a quarter
 * of the entries are cancelled, one sequential pass over the arrays relinks the live entries (each knows its slot)
 * and frees the rest, instead of growing. So a cancelled timer's task stays referenced until one of those happens
 * (at the latest its deadline's slot), and timers with equal deadlines run in no guaranteed order (a compaction
 * relinks a slot in entry order). When no entry is free and fewer than a quarter are cancelled, the arrays grow
 * by half; they never shrink. Right after a growth more than three quarters of the old entries were pending, so
 * the arrays hold at most two entries per pending timer: at most 44 bytes per pending timer, cancelled entries and
 * spare capacity included (33 to 38 measured in a steady churn at 1,000,000 and 10,000,000 pending).
 *
 * <p>Cost (see {@code benchmarks/RESULTS.md}, measured on a shared 2-core VM): a schedule plus a cancel of a
 * random pending timer is about 25-30 ns of CPU time at 10,000 pending (8-12 ns of it the amortised compaction).
 * At 1,000,000 pending the caller's id and the timer's generation word are random lines that leave the cache when
 * neighbours fill it, and a pair costs a share of one memory trip: with {@link #discardTimer} 40-75 ns per pair
 * while the core's last-level cache holds them, 100-160 when neighbours hold it. The share is set by the work
 * between two misses (about twenty stores and a couple of hundred instructions per pair, which limit how many
 * pairs the core keeps in flight) and by the lock, whose atomic instruction waits for the caller's own read of the
 * id: 9-15 % of a pair while the cache is ours, a third when it is not. At 1,000,000 pending 6.9x to 41x faster
 * than Netty's {@code HashedWheelTimer} and the JDK's {@code ScheduledThreadPoolExecutor}, and 1.7x to 4.2x faster
 * than Agrona's single-threaded, lock-free {@code DeadlineTimerWheel}, in the same runs. Expiry of timers spread
 * over an hour: 5 to 9 million per second.
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
    /** Slot lists are numbered level * SLOTS + slot. */
    private static final int HEADS = LEVELS * SLOTS;
    /** A compaction's lists: the slot lists, then the free list. */
    private static final int FREE_LIST = HEADS;
    private static final int LISTS = HEADS + 1;
    /** End of a list (slot list or free list). */
    private static final int NIL = -1;
    /**
     * The low two bits of an entry's {@link #gens} word: the entry's state. The rest is its generation, which an
     * id carries (with the state bits 0), so a cancel needs to read nothing but this word.
     */
    private static final int STATE = 3;
    private static final int LIVE = 0;
    private static final int CANCELLED = 1;
    private static final int FREE = 2;
    /**
     * An entry whose generations are used up: it is never reused, so no id can ever be issued twice (see
     * {@link #freedWord}). Its word, 3, has the state bits set and so never equals an id's generation.
     */
    private static final int RETIRED = 3;
    private static final int GENERATION_STEP = 4;
    /** Entry 0 is never used, so that no id is 0 ({@link #NO_TIMER}); its state stays FREE, off the free list. */
    private static final int FIRST_ENTRY = 1;
    private static final int INITIAL_CAPACITY = 1024;
    /** Ids handed to {@link #discardTimer} are checked this many at a time, so that their cache misses overlap. */
    private static final int DISCARD_BATCH = 64;
    private static final int MAX_CAPACITY = 1 << 30;
    /**
     * How far from the origin a deadline can lie: 2^62 ns, about 146 years. A later deadline (up to
     * {@code Instant.MAX}, a caller's "never") is held at this horizon, so every deadline the wheel keeps fits in
     * a long with room for the tick arithmetic, and one rule holds for all of them: a timer fires once the clock
     * has reached its deadline or the horizon, whichever comes first.
     */
    private static final long HORIZON_NANOS = Long.MAX_VALUE / 2;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final InstantSource clock;
    private final long tickNanos;
    /**
     * The latest deadline a timer keeps: {@link #HORIZON_NANOS} rounded down to a whole tick, so that a clock at
     * or past the horizon (relativeNanos holds it at HORIZON_NANOS) reaches the tick of every timer held there.
     */
    private final long horizonNanos;
    /** The generation of a fresh entry: GENERATION_STEP, or near the end of the range in tests of retirement. */
    private final int firstGeneration;
    private final long originSecond;
    private final int originNano;
    private final long[] occupied = new long[LEVELS];
    private final int[] heads = new int[HEADS];
    private final int[] tails = new int[HEADS];
    /** Scratch of a compaction: the last entry appended to each slot list and to the free list. */
    private final int[] compactTails = new int[LISTS];
    private final ReentrantLock driver = new ReentrantLock();
    /** 1 while a thread holds the wheel's lock; see {@link #lock()}. */
    @SuppressWarnings("unused")
    private volatile int locked;
    private long now;
    private long pending;
    /** Cancelled entries still linked into a slot list: their ids are stale and pending() no longer counts them. */
    private long cancelledLinked;
    private int capacity;
    /** Per entry: generation and state, the only word a cancel reads and writes. */
    private int[] gens;
    /**
     * Per entry: the next entry of its slot list, or of the free list. {@link #LISTS} more ints past the
     * capacity serve {@link #compact} as the pseudo entries that precede each list's first entry.
     */
    private int[] next;
    /** Per entry: the slot list it is linked into, so that a compaction relinks without recomputing it. */
    private short[] slotOf;
    private long[] deadlines;
    private Object[] tasks;
    private int freeHead = NIL;
    /**
     * Ids passed to {@link #discardTimer} and not yet checked against their entries. Every locked path that reads
     * an entry's state or the counts checks them first ({@link #checkDiscards}), so they are invisible from outside.
     */
    private final long[] discards = new long[DISCARD_BATCH];
    private int discardCount;
    /** Timers taken off the wheel by one step of {@link #advance()}; touched only by the thread holding driver. */
    private long[] batchDeadlines = new long[64];
    private Runnable[] batchTasks = new Runnable[64];

    private TimerWheel(Builder b) {
        this.clock = b.clock;
        this.tickNanos = b.tick.toNanos();
        this.horizonNanos = HORIZON_NANOS / tickNanos * tickNanos;
        // a fresh wheel's generations start at a random point, so that an id of another wheel (every wheel's
        // first entries are the same numbers) finds a generation it does not carry, except by a 1 in 2^29 chance
        this.firstGeneration = b.firstGeneration != 0 ? b.firstGeneration
                : ThreadLocalRandom.current().nextInt(1, 1 << 29) * GENERATION_STEP;
        Instant origin = now();
        this.originSecond = origin.getEpochSecond();
        this.originNano = origin.getNano();
        Arrays.fill(heads, NIL);
        Arrays.fill(tails, NIL);
        this.gens = new int[0];
        this.next = new int[0];
        this.slotOf = new short[0];
        this.deadlines = new long[0];
        this.tasks = new Object[0];
        grow(INITIAL_CAPACITY);
        gens[0] = FREE;
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
        long deadline = Math.min(deadlineNanos, horizonNanos); // see HORIZON_NANOS
        long tick = ceilTick(deadline);
        lock();
        try {
            int e = allocate();
            int gen = gens[e] & ~STATE;
            gens[e] = gen | LIVE;
            deadlines[e] = deadline;
            tasks[e] = task;
            insert(e, Math.max(tick, now));
            pending++;
            return ((long) gen << 32) | e;
        } finally {
            unlock();
        }
    }

    /**
     * Cancels the timer with this id; true if it was pending, false if it already fired, was cancelled, or the id
     * is {@link #NO_TIMER} or not one of this wheel's (an id of another wheel: see the class comment). The id is
     * stale and the timer no longer pending at once; the entry is reclaimed later (see the class comment), and its
     * task stays referenced until then.
     */
    public boolean cancelTimer(long timerId) {
        int e = (int) timerId;
        int gen = (int) (timerId >>> 32);
        if ((gen & STATE) != LIVE) {
            return false;
        }
        lock();
        try {
            checkDiscards();
            if (!holds(e, gen)) {
                return false;
            }
            // only this word is touched: the entry stays in its slot list until the slot is processed or compacted
            gens[e] = gen | CANCELLED;
            pending--;
            cancelledLinked++;
            return true;
        } finally {
            unlock();
        }
    }

    /** True while the timer with this id neither fired nor was cancelled. */
    public boolean isPending(long timerId) {
        int e = (int) timerId;
        int gen = (int) (timerId >>> 32);
        if ((gen & STATE) != LIVE) {
            return false;
        }
        lock();
        try {
            checkDiscards();
            return holds(e, gen);
        } finally {
            unlock();
        }
    }

    /**
     * Cancels the timer with this id, as {@link #cancelTimer(long)} does, without saying whether it was still
     * pending: the way for callers that do not need the answer (the SLA tracker, durable timers). If the timer was
     * pending, at once it will not run, {@link #pending()} no longer counts it and {@link #isPending} is false; an
     * id whose timer already fired or was cancelled, or {@link #NO_TIMER}, changes nothing.
     *
     * <p>Why: checking an id reads the timer's generation word, at random in the wheel's arrays, and at
     * 1,000,000 pending and more that read misses the caches. A cancel must wait for it before it can answer,
     * so each cancel costs one full memory latency; a discard only records the id and the wheel checks the
     * recorded ids {@value #DISCARD_BATCH} at a time, independent reads whose misses overlap.
     */
    public void discardTimer(long timerId) {
        if ((((int) (timerId >>> 32)) & STATE) != LIVE) {
            return;
        }
        lock();
        try {
            discards[discardCount++] = timerId;
            if (discardCount == DISCARD_BATCH) {
                checkDiscards();
            }
        } finally {
            unlock();
        }
    }

    /** Cancels every recorded discard whose id is still live (see {@link #discardTimer}). Under the lock. */
    private void checkDiscards() {
        int count = discardCount;
        if (count == 0) {
            return;
        }
        long[] d = discards;
        int cancelled = 0;
        for (int i = 0; i < count; i++) {
            int e = (int) d[i];
            int gen = (int) (d[i] >>> 32);
            // the ids are independent: the loads of the next ones go out while this one still misses the caches
            if (holds(e, gen)) {
                gens[e] = gen | CANCELLED;
                cancelled++;
            }
        }
        discardCount = 0;
        pending -= cancelled;
        cancelledLinked += cancelled;
    }

    /** Whether entry {@code e} exists and still carries generation {@code gen} (a live timer's id). Under the lock. */
    private boolean holds(int e, int gen) {
        return e >= 0 && e < gens.length && gens[e] == gen;
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
        Require.nonNull(task, "task");
        // in nanoseconds from the origin, where both terms are at most the horizon and their sum cannot overflow;
        // scheduleNanos holds the sum at the horizon
        long after = delay.getSeconds() >= HORIZON_NANOS / NANOS_PER_SECOND ? HORIZON_NANOS : delay.toNanos();
        return scheduleNanos(relativeNanos(now()) + after, task);
    }

    /**
     * Schedules with the deadline given in nanoseconds since the wheel's origin ({@link #nanosSinceOrigin}) and
     * returns a handle; {@link #scheduleTimerNanos} is the same without the handle.
     */
    public Timeout scheduleNanos(long deadlineNanos, Runnable task) {
        return new Handle(this, scheduleTimerNanos(deadlineNanos, task), Math.min(deadlineNanos, horizonNanos));
    }

    /**
     * Nanoseconds from the wheel's origin (the clock at build time) to {@code t}, held within about 146 years
     * either side (2^62 ns): an instant beyond that, {@code Instant.MAX} for example, gives the bound.
     */
    public long nanosSinceOrigin(Instant t) {
        return relativeNanos(Require.nonNull(t, "t"));
    }

    /**
     * The wheel's time: the clock reading up to which {@link #advance()} has run timers, rounded down to a tick (the
     * origin before the first advance). It never goes back, even when the host's clock steps back: the wheel then
     * waits for the clock to catch up, and a timer scheduled for an instant before this time fires at the next
     * advance, as overdue. A caller that computes deadlines from the clock can keep them consistent with the wheel
     * by reading the later of the clock and this time.
     */
    public Instant time() {
        long tick;
        lock();
        try {
            tick = now;
        } finally {
            unlock();
        }
        return toInstant(tick * tickNanos);
    }

    /** Timers scheduled and neither fired nor cancelled. */
    public long pending() {
        lock();
        try {
            checkDiscards();
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
            checkDiscards();
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
            long target = Math.floorDiv(relativeNanos(now()), tickNanos);
            long fired = 0;
            while (true) {
                int count;
                lock();
                try {
                    checkDiscards();
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
     * Calls {@link #advance()} every {@code period} (positive, at most a day) on {@code scheduler} until the
     * returned handle is closed. The scheduler is the host's; this wheel never starts threads of its own. A
     * scheduler that refuses the task (shut down) gives a {@link ConflictException}.
     */
    public AutoCloseable driveWith(ScheduledExecutorService scheduler, Duration period) {
        Require.nonNull(scheduler, "scheduler");
        Require.nonNull(period, "period");
        if (period.isNegative() || period.isZero() || period.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidInputException("period must be positive and at most a day, was " + period);
        }
        ScheduledFuture<?> f;
        try {
            f = scheduler.scheduleAtFixedRate(() -> {
                try {
                    advance();
                } catch (RuntimeException e) {
                    LOG.error("timer wheel advance failed", e);
                }
            }, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            throw new ConflictException("the scheduler refused to drive the timer wheel (is it shut down?)", e);
        }
        return () -> f.cancel(false);
    }

    // ---------------------------------------------------------------- the lock

    /**
     * Takes the wheel's lock: a compare-and-set, spinning briefly and then yielding while another thread holds it
     * (critical sections are a few dozen instructions, apart from moving one slot down a level in advance()).
     * Hand-made rather than {@code synchronized} because a monitor costs two atomic instructions per operation
     * (enter and exit) and this lock one (the release is a plain ordered store): a schedule-and-cancel pair at
     * 10,000 pending went from 28 to 21 ns of CPU time. Every atomic instruction also waits until the stores
     * before it reached the cache, which is why a cancel writes only one compact, mostly cached word.
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
        if (freeHead == NIL) {
            checkDiscards(); // they may be enough to make a compaction worth it
            // reclaim cancelled entries when that frees at least a quarter of the arrays, grow otherwise: so each
            // compaction is paid for by at least capacity / 4 cancels, and right after a growth by half the
            // arrays are at most twice the pending timers (capacity / 4 > cancelled means pending > 3/4 capacity)
            if (cancelledLinked > 0 && (cancelledLinked >= capacity / 4 || capacity == MAX_CAPACITY)) {
                compact();
            }
            // still none when the compaction retired every entry it reclaimed (see freedWord)
            if (freeHead == NIL) {
                if (capacity == MAX_CAPACITY) {
                    throw new ConflictException("the timer wheel holds its maximum of " + MAX_CAPACITY
                            + " timers, pending or cancelled");
                }
                grow((int) Math.min(capacity + (long) capacity / 2, MAX_CAPACITY));
            }
        }
        int e = freeHead;
        freeHead = next[e];
        return e;
    }

    /**
     * The word of an entry once it is freed: the next generation, which makes every id issued for the entry stale,
     * or {@link #RETIRED} when the generations are used up. Generations step by 4 from the wheel's random first
     * one (below 2^31) up through the int range to its end; after the last one the entry is retired instead of
     * wrapping around to a generation it already had, since an id from that earlier generation could still be held
     * somewhere and would then cancel a stranger's timer. Expiry reuses a freed entry first, so one entry can go
     * through its 2^29 to 2^30 generations within minutes in a tight schedule-and-fire loop; retiring costs 22
     * bytes per retired entry and keeps stale ids harmless without a time limit.
     */
    private static int freedWord(int word) {
        int generation = (word & ~STATE) + GENERATION_STEP;
        return generation == 0 ? RETIRED : generation | FREE;
    }

    /** Frees an entry that is no longer linked (or retires it, see {@link #freedWord}). */
    private void release(int e) {
        int word = freedWord(gens[e]);
        gens[e] = word;
        tasks[e] = null;
        if (word != RETIRED) {
            next[e] = freeHead;
            freeHead = e;
        }
    }

    /** A cancelled entry met while its slot is processed: reclaimed now. */
    private void releaseCancelled(int e) {
        release(e);
        cancelledLinked--;
    }

    private boolean isCancelled(int e) {
        return (gens[e] & STATE) == CANCELLED;
    }

    /**
     * Reclaims every cancelled entry in one sequential pass over the arrays: the slot lists are rebuilt from the
     * live entries (each knows its slot, {@link #slotOf}), and the free list from the rest, lowest entry first so
     * that the next schedules fill the arrays in order. Reading entries in order is what makes this cheap (a few
     * ns per entry, against a cache miss per entry for walking the lists), and {@link #allocate} calls it only when
     * it reclaims at least a quarter of the entries. Within a slot, timers are relinked in entry order, which is
     * why timers with equal deadlines have no guaranteed order.
     *
     * <p>The pass goes 64 entries at a time: it first gathers the two state bits of each entry into two 64-bit
     * masks without a branch or a comparison, derives the live, cancelled and free masks from them, then walks the
     * set bits of each. A branch on each entry's state, as the pass first
     * had, cannot be predicted when live and cancelled entries are mixed at random (random cancels); timed inside
     * the churn benchmark at 1,000,000 pending, the masked pass takes about 2.5 ns per entry instead of 3.9 to 5.6
     * (2.5 to 3.9 instead of 5 to 6.5 at 10,000), so about 7 instead of 11 ns per schedule-and-cancel pair. Every
     * list, the free list included, is appended to through its last entry, starting from a pseudo entry past the
     * end of {@link #next} ({@code capacity + list}), so that appending needs no "is the list empty" branch
     * either; {@link #finishCompaction} turns the pseudo entries back into heads.
     */
    private void compact() {
        int cap = capacity;
        int[] g = gens;
        int[] n = next;
        short[] so = slotOf;
        Object[] tk = tasks;
        int[] t = compactTails;
        for (int list = 0; list < LISTS; list++) {
            t[list] = cap + list;
        }
        for (int base = 0; base < cap; base += 64) {
            int end = Math.min(base + 64, cap);
            // the two state bits of each entry, gathered into two masks: LIVE 00, CANCELLED 01, FREE 10, RETIRED 11
            // (a long shift uses the low six bits of its count, so "<< e" is "<< (e - base)": base is a multiple of 64)
            long low = 0;
            long high = 0;
            for (int e = base; e < end; e++) {
                int word = g[e];
                low |= (long) (word & 1) << e;
                high |= (long) ((word >>> 1) & 1) << e;
            }
            long present = end - base == 64 ? -1L : (1L << (end - base)) - 1;
            long live = ~low & ~high & present;
            long cancelled = low & ~high;
            long free = ~low & high;
            if (base == 0) {
                free &= ~1L; // entry 0 is never used
            }
            for (long m = live; m != 0; m &= m - 1) {
                int e = base + Long.numberOfTrailingZeros(m);
                int list = so[e];
                n[t[list]] = e;
                t[list] = e;
            }
            for (long m = cancelled; m != 0; m &= m - 1) {
                int e = base + Long.numberOfTrailingZeros(m);
                int word = freedWord(g[e]);
                g[e] = word;
                tk[e] = null;
                if (word != RETIRED) {
                    n[t[FREE_LIST]] = e;
                    t[FREE_LIST] = e;
                }
            }
            for (long m = free; m != 0; m &= m - 1) {
                int e = base + Long.numberOfTrailingZeros(m);
                n[t[FREE_LIST]] = e;
                t[FREE_LIST] = e;
            }
        }
        finishCompaction(cap, n, t);
    }

    /** Heads, tails, occupancy bits and free list from a compaction's appends (see {@link #compact}). */
    private void finishCompaction(int cap, int[] n, int[] t) {
        Arrays.fill(occupied, 0L);
        for (int head = 0; head < HEADS; head++) {
            int tail = t[head];
            if (tail == cap + head) {
                heads[head] = NIL;
                tails[head] = NIL;
            } else {
                heads[head] = n[cap + head];
                tails[head] = tail;
                n[tail] = NIL;
                occupied[head >>> BITS] |= 1L << (head & MASK);
            }
        }
        int freeTail = t[FREE_LIST];
        if (freeTail == cap + FREE_LIST) {
            freeHead = NIL;
        } else {
            freeHead = n[cap + FREE_LIST];
            n[freeTail] = NIL;
        }
        cancelledLinked = 0;
    }

    private void grow(int newCapacity) {
        int old = capacity;
        gens = Arrays.copyOf(gens, newCapacity);
        next = Arrays.copyOf(next, newCapacity + LISTS);
        slotOf = Arrays.copyOf(slotOf, newCapacity);
        deadlines = Arrays.copyOf(deadlines, newCapacity);
        tasks = Arrays.copyOf(tasks, newCapacity);
        // chained so that the lowest new entry is allocated first: a growing wheel fills its arrays in order
        for (int e = newCapacity - 1; e >= Math.max(old, FIRST_ENTRY); e--) {
            gens[e] = firstGeneration | FREE;
            next[e] = freeHead;
            freeHead = e;
        }
        capacity = newCapacity;
    }

    // ---------------------------------------------------------------- the wheel

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

    private void cascade(int head, int level, int slot) {
        int e = detachList(head, level, slot);
        while (e != NIL) {
            int following = next[e];
            if (isCancelled(e)) {
                releaseCancelled(e);
            } else {
                insert(e, Math.max(ceilTick(deadlines[e]), now));
            }
            e = following;
        }
    }

    /** Moves a due level-0 slot's timers into the batch and frees their entries (so tasks can reuse them). */
    private int detachDue(int head) {
        int count = 0;
        int e = detachList(head, 0, head);
        while (e != NIL) {
            int following = next[e];
            if (isCancelled(e)) {
                releaseCancelled(e);
            } else {
                if (count == batchTasks.length) {
                    batchTasks = Arrays.copyOf(batchTasks, count * 2);
                    batchDeadlines = Arrays.copyOf(batchDeadlines, count * 2);
                }
                batchDeadlines[count] = deadlines[e];
                batchTasks[count] = (Runnable) tasks[e];
                count++;
                release(e);
            }
            e = following;
        }
        pending -= count;
        return count;
    }

    /** Empties a slot list and returns its first entry (the rest follow through {@link #next}). */
    private int detachList(int head, int level, int slot) {
        int first = heads[head];
        heads[head] = NIL;
        tails[head] = NIL;
        occupied[level] &= ~(1L << slot);
        return first;
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

    /**
     * Stable, so timers with equal deadlines run in slot-list order: the order they were scheduled, unless a
     * compaction relinked their slot in entry order (which is why the class promises no order among ties).
     */
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

    private void insert(int e, long tick) {
        int level;
        if (tick == now) {
            level = 0;
        } else {
            level = (63 - Long.numberOfLeadingZeros(tick ^ now)) / BITS;
        }
        int slot = (int) ((tick >>> (BITS * level)) & MASK);
        int head = level * SLOTS + slot;
        next[e] = NIL;
        slotOf[e] = (short) head;
        int tail = tails[head];
        if (tail == NIL) {
            heads[head] = e;
            occupied[level] |= 1L << slot;
        } else {
            next[tail] = e;
        }
        tails[head] = e;
    }

    /**
     * The tick of the first slot with work, or Long.MAX_VALUE. Slots are scanned in time order; cancelled entries
     * at the front of a candidate slot are reclaimed on the way, so a slot emptied by cancels does not count as
     * work (each is reclaimed once, and the scan stops at the first live entry).
     */
    private long nextEventTick() {
        while (true) {
            long tick;
            int head;
            long bits0 = occupied[0] & (-1L << (now & MASK));
            if (bits0 != 0) {
                int slot = Long.numberOfTrailingZeros(bits0);
                tick = (now & ~(long) MASK) | slot;
                head = slot;
            } else {
                tick = Long.MAX_VALUE;
                head = -1;
                for (int level = 1; level < LEVELS; level++) {
                    int digit = (int) ((now >>> (BITS * level)) & MASK);
                    long bits = digit == MASK ? 0 : occupied[level] & (-1L << (digit + 1));
                    if (bits != 0) {
                        int shift = BITS * level;
                        int slot = Long.numberOfTrailingZeros(bits);
                        long upper = shift + BITS >= 64 ? 0 : (now >>> (shift + BITS)) << (shift + BITS);
                        tick = upper | ((long) slot << shift);
                        head = level * SLOTS + slot;
                        break;
                    }
                }
                if (head < 0) {
                    return Long.MAX_VALUE;
                }
            }
            int e = heads[head];
            while (e != NIL && isCancelled(e)) {
                int following = next[e];
                releaseCancelled(e);
                e = following;
            }
            if (e != NIL) {
                heads[head] = e;
                return tick;
            }
            detachList(head, head >>> BITS, head & MASK);
        }
    }

    private long ceilTick(long deadlineNanos) {
        if (deadlineNanos <= 0) {
            return 0;
        }
        return (deadlineNanos - 1) / tickNanos + 1;
    }

    /** The clock's instant; a clock that returns null is a broken host clock, said as such. */
    private Instant now() {
        Instant t = clock.instant();
        if (t == null) {
            throw new ConfigurationException("the timer wheel's clock returned null instead of an instant");
        }
        return t;
    }

    /** Nanoseconds from the origin to {@code t}, held within the horizon either side (see HORIZON_NANOS). */
    private long relativeNanos(Instant t) {
        // any two instants are less than 2^56 s apart, so this difference cannot overflow
        long seconds = t.getEpochSecond() - originSecond;
        if (seconds > HORIZON_NANOS / NANOS_PER_SECOND) {
            return HORIZON_NANOS;
        }
        if (seconds < -HORIZON_NANOS / NANOS_PER_SECOND) {
            return -HORIZON_NANOS;
        }
        long nanos = seconds * NANOS_PER_SECOND + (t.getNano() - originNano);
        return Math.max(-HORIZON_NANOS, Math.min(nanos, HORIZON_NANOS));
    }

    /** The instant {@code relative} ns after the origin, held at Instant.MIN and MAX when it lies beyond them. */
    private Instant toInstant(long relative) {
        long total = relative + originNano; // at most 2^62 + 10^9: no overflow
        long seconds = originSecond + Math.floorDiv(total, NANOS_PER_SECOND);
        if (seconds > Instant.MAX.getEpochSecond()) {
            return Instant.MAX;
        }
        if (seconds < Instant.MIN.getEpochSecond()) {
            return Instant.MIN;
        }
        return Instant.ofEpochSecond(seconds, Math.floorMod(total, NANOS_PER_SECOND));
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
        /** 0: a random one (see the constructor). */
        private int firstGeneration;

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

        /**
         * For tests of entry retirement only: fresh entries start at this generation (a multiple of 4, not 0)
         * instead of the first one, so that a test reaches the last generations in a few steps.
         */
        Builder firstGenerationForTests(int generation) {
            if (generation == 0 || (generation & STATE) != 0) {
                throw new ConfigurationException("a generation is a non-zero multiple of 4, was " + generation);
            }
            this.firstGeneration = generation;
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
