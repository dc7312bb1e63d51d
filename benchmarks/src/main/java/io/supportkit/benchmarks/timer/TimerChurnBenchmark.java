package io.supportkit.benchmarks.timer;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Schedule and cancel at a steady population of pending timers, as SLA clocks see it: most timers are cancelled
 * (the agent answered in time), the rest leave in deadline order (they expire).
 *
 * <p>One op = one schedule plus one cancel, so the population stays at {@code pending}. With probability
 * {@code cancelPercent} the removed timer is a random pending one (a reply arrived: random memory, the hard case);
 * otherwise it is the oldest one, which is the next to expire. The score is ns per op, that is per schedule+cancel
 * pair; divide by two for "each". Deadlines are 1 to 2 hours ahead, so nothing fires during the run.
 *
 * <p>{@code victims=uniform}: a cancelled timer is any pending one (cold memory at 1,000,000 and 10,000,000
 * pending: the cost is then dominated by cache and TLB misses). {@code victims=recent}: it is one of the timers
 * scheduled in the last 65,536 operations, as with SLA timers, where the reply that cancels a timer usually comes
 * minutes after it was set while the population spans hours.
 *
 * <p>Victims and deadlines come from an inline xorshift generator rather than a precomputed table: a table that
 * repeats would keep cancelling the same few thousand recently scheduled (cache-hot) timers and flatter every
 * implementation at 1,000,000 and 10,000,000 pending.
 *
 * <p>Each implementation is driven through its fastest honest API: the wheel through its allocation-free id path
 * ({@code scheduleTimerNanos}/{@code cancelTimer}, the ring holds {@code long} ids), Netty and the JDK through the
 * handles their APIs return, Agrona's {@code DeadlineTimerWheel} through its ids ({@code impl=agrona}: one thread
 * only, no lock, no task per timer, so the floor of an array-based wheel rather than a rival of the same kind).
 * {@code impl=wheel-discard} cancels through {@code discardTimer}, which does not say whether the timer was still
 * pending (no caller of the wheel in supportkit uses that answer) and checks ids 64 at a time: a cancel must wait
 * for its id's cache miss before it answers, a discard does not.
 *
 * <p>{@code impl=harness} is the baseline of the harness itself: the same victim choice and the same read and
 * write of the ring's {@code long} id, with no timer behind it. At 1,000,000 pending that random ring access is a
 * cache miss every implementation pays; subtracting the harness row gives the cost of schedule and cancel alone.
 * Alone, the ring competes with no timer arrays for the caches, so the harness row is if anything too cheap and
 * the net figure too high.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-Xmn2g", "-XX:+UseParallelGC"})
public class TimerChurnBenchmark {
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    @Param({"wheel", "wheel-discard", "netty", "jdk", "agrona", "harness"})
    public String impl;

    @Param({"10000", "1000000", "10000000"})
    public int pending;

    @Param({"50", "95"})
    public int cancelPercent;

    @Param({"uniform"})
    public String victims;

    private static final int RECENT = 1 << 16;
    private final int[] recent = new int[RECENT];
    private int recentPos;
    private boolean uniform;

    private TimerImpl timers;
    private TimerImpl.IdTimers wheel;
    private Object[] ring;
    private long[] ids;
    private int oldest;
    private long seed = 0x9E3779B97F4A7C15L;
    private boolean harness;
    private long harnessSink;

    @Setup(Level.Trial)
    public void setUp() {
        harness = impl.equals("harness");
        timers = TimerImpl.create(harness ? "wheel" : impl);
        uniform = switch (victims) {
            case "uniform" -> true;
            case "recent" -> false;
            default -> throw new IllegalArgumentException(victims);
        };
        SplittableRandom random = new SplittableRandom(7);
        if (harness) {
            ids = new long[pending];
            for (int i = 0; i < pending; i++) {
                ids[i] = HOUR + random.nextLong(HOUR);
            }
        } else if (timers instanceof TimerImpl.IdTimers w) {
            wheel = w;
            ids = new long[pending];
            for (int i = 0; i < pending; i++) {
                ids[i] = w.scheduleId(HOUR + random.nextLong(HOUR));
            }
        } else {
            ring = new Object[pending];
            for (int i = 0; i < pending; i++) {
                ring[i] = timers.schedule(HOUR + random.nextLong(HOUR));
            }
        }
        for (int j = 0; j < RECENT; j++) {
            recent[j] = (pending - 1 - j % pending); // the last timers of the prefill are the most recent
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        timers.close();
        ring = null;
        ids = null;
    }

    @Benchmark
    @OperationsPerInvocation(1)
    public void scheduleAndCancel() {
        long x = seed;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        seed = x;
        int slot;
        if ((int) (((x & 0xFFFFL) * 100) >>> 16) < cancelPercent) {
            slot = uniform ? (int) (((x >>> 32) * pending) >>> 32) : recent[(int) (x >>> 48) & (RECENT - 1)];
        } else {
            slot = oldest;
            oldest = oldest + 1 == pending ? 0 : oldest + 1;
        }
        long delay = HOUR + ((((x >>> 16) & 0xFFFFFFFFL) * (HOUR >>> 12)) >>> 20);
        if (wheel != null) {
            wheel.cancelId(ids[slot]);
            ids[slot] = wheel.scheduleId(delay);
        } else if (harness) {
            harnessSink += ids[slot]; // the read a cancel needs, then the write a schedule makes
            ids[slot] = delay ^ harnessSink;
        } else {
            timers.cancel(ring[slot]);
            ring[slot] = timers.schedule(delay);
        }
        recent[recentPos++ & (RECENT - 1)] = slot;
    }
}
