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
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-Xmn2g", "-XX:+UseParallelGC"})
public class TimerChurnBenchmark {
    private static final int OPS = 1 << 16;
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    @Param({"wheel", "netty", "jdk"})
    public String impl;

    @Param({"10000", "1000000", "10000000"})
    public int pending;

    @Param({"50", "95"})
    public int cancelPercent;

    private TimerImpl timers;
    private Object[] ring;
    private int oldest;
    private int[] victims;
    private long[] delays;
    private int cursor;

    @Setup(Level.Trial)
    public void setUp() {
        timers = TimerImpl.create(impl);
        ring = new Object[pending];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < pending; i++) {
            ring[i] = timers.schedule(HOUR + random.nextLong(HOUR));
        }
        victims = new int[OPS];
        delays = new long[OPS];
        for (int i = 0; i < OPS; i++) {
            victims[i] = random.nextInt(100) < cancelPercent ? random.nextInt(pending) : -1;
            delays[i] = HOUR + random.nextLong(HOUR);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        timers.close();
        ring = null;
    }

    @Benchmark
    @OperationsPerInvocation(1)
    public Object scheduleAndCancel() {
        int k = cursor++ & (OPS - 1);
        int slot = victims[k];
        if (slot < 0) {
            slot = oldest;
            oldest = oldest + 1 == pending ? 0 : oldest + 1;
        }
        timers.cancel(ring[slot]);
        Object h = timers.schedule(delays[k]);
        ring[slot] = h;
        return h;
    }
}
