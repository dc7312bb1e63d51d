package io.supportkit.benchmarks.timer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The workload of {@link TimerChurnBenchmark} (uniform victims) timed in CPU time of the measuring thread instead
 * of wall time, for a machine shared with other jobs: a thread that is descheduled does not run up CPU time, so
 * the figure is the cost of the operations (plus the cache pollution of the neighbours, which it cannot remove).
 * The rivals' worker threads (Netty's wheel, the JDK executor) are not counted, which favours the rivals. Run:
 * {@code java -Xms6g -Xmx6g -Xmn2g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar
 * io.supportkit.benchmarks.timer.TimerChurnCpuTime [pending...]}; prints, per implementation, pending size and
 * cancel percentage, the best and the median of 7 rounds of 2,000,000 pairs, in ns per schedule+cancel pair.
 */
public final class TimerChurnCpuTime {
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);
    private static final int PAIRS = 2_000_000;
    private static final int ROUNDS = 7;

    private TimerChurnCpuTime() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {10_000, 1_000_000, 10_000_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("impl   pending     cancel%  best ns/pair  median ns/pair");
        for (int pending : sizes) {
            for (int cancelPercent : new int[] {50, 95}) {
                for (String name : System.getProperty("impls", "wheel,netty,jdk").split(",")) {
                    double[] r = run(threads, name, pending, cancelPercent);
                    System.out.printf(Locale.ROOT, "%-6s %,11d %5d %13.1f %15.1f%n", name, pending, cancelPercent,
                            r[0], r[1]);
                }
            }
        }
    }

    private static double[] run(ThreadMXBean threads, String name, int pending, int cancelPercent) {
        try (TimerImpl timers = TimerImpl.create(name)) {
            Churn churn = new Churn(timers, pending, cancelPercent);
            churn.pairs(PAIRS); // warm-up: compiled code, population mixed
            double[] perPair = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long start = threads.getCurrentThreadCpuTime();
                churn.pairs(PAIRS);
                perPair[round] = (threads.getCurrentThreadCpuTime() - start) / (double) PAIRS;
            }
            Arrays.sort(perPair);
            return new double[] {perPair[0], perPair[ROUNDS / 2]};
        }
    }

    /** The benchmark's operation, uniform victims; the wheel through long ids, the rivals through handles. */
    private static final class Churn {
        final TimerImpl timers;
        final TimerImpl.Wheel wheel;
        final int pending;
        final int cancelPercent;
        Object[] ring;
        long[] ids;
        int oldest;
        long seed = 0x9E3779B97F4A7C15L;

        Churn(TimerImpl timers, int pending, int cancelPercent) {
            this.timers = timers;
            this.pending = pending;
            this.cancelPercent = cancelPercent;
            this.wheel = timers instanceof TimerImpl.Wheel w ? w : null;
            SplittableRandom random = new SplittableRandom(7);
            if (wheel != null) {
                ids = new long[pending];
                for (int i = 0; i < pending; i++) {
                    ids[i] = wheel.scheduleId(HOUR + random.nextLong(HOUR));
                }
            } else {
                ring = new Object[pending];
                for (int i = 0; i < pending; i++) {
                    ring[i] = timers.schedule(HOUR + random.nextLong(HOUR));
                }
            }
        }

        void pairs(int n) {
            for (int i = 0; i < n; i++) {
                long x = seed;
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                seed = x;
                int slot;
                if ((int) (((x & 0xFFFFL) * 100) >>> 16) < cancelPercent) {
                    slot = (int) (((x >>> 32) * pending) >>> 32);
                } else {
                    slot = oldest;
                    oldest = oldest + 1 == pending ? 0 : oldest + 1;
                }
                long delay = HOUR + ((((x >>> 16) & 0xFFFFFFFFL) * (HOUR >>> 12)) >>> 20);
                if (wheel != null) {
                    wheel.cancelId(ids[slot]);
                    ids[slot] = wheel.scheduleId(delay);
                } else {
                    timers.cancel(ring[slot]);
                    ring[slot] = timers.schedule(delay);
                }
            }
        }
    }
}
