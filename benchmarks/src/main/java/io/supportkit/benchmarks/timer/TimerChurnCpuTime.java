package io.supportkit.benchmarks.timer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The workload of {@link TimerChurnBenchmark} (uniform victims; its own setup and operation) timed in CPU time of the measuring thread instead
 * of wall time, for a machine shared with other jobs: a thread that is descheduled does not run up CPU time, so
 * the figure is the cost of the operations (plus the cache pollution of the neighbours, which it cannot remove).
 * The rivals' worker threads (Netty's wheel, the JDK executor) are not counted, which favours the rivals. Run:
 * {@code java -Xms6g -Xmx6g -Xmn2g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar
 * io.supportkit.benchmarks.timer.TimerChurnCpuTime [pending...]}; prints, per implementation, pending size and
 * cancel percentage, the best and the median of 7 rounds of 2,000,000 pairs, in ns per schedule+cancel pair, and the
 * median of the machine's dependent-load latency over 16 bytes per pending timer, measured three times after the
 * rounds ({@link MemoryLatencyBenchmark}): at 1,000,000 pending and more a pair costs a share of one such latency,
 * so figures taken minutes apart on a shared machine can only be read next to it.
 */
public final class TimerChurnCpuTime {
    private static final int PAIRS = 2_000_000;
    private static final int ROUNDS = 7;
    private static final int LOADS = 500_000;
    private static final int LATENCY_PROBES = 3;

    private TimerChurnCpuTime() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {10_000, 1_000_000, 10_000_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("impl   pending     cancel%  best ns/pair  median ns/pair  latency ns");
        for (int pending : sizes) {
            for (int cancelPercent : new int[] {50, 95}) {
                for (String name : System.getProperty("impls", "wheel,netty,jdk").split(",")) {
                    double[] r = run(threads, name, pending, cancelPercent);
                    System.out.printf(Locale.ROOT, "%-6s %,11d %5d %13.1f %15.1f %11.1f%n", name, pending,
                            cancelPercent, r[0], r[1], r[2]);
                }
            }
        }
    }

    private static double[] run(ThreadMXBean threads, String name, int pending, int cancelPercent) {
        // the benchmark's own state and operation, so the two measures cannot drift apart
        TimerChurnBenchmark churn = new TimerChurnBenchmark();
        churn.impl = name;
        churn.pending = pending;
        churn.cancelPercent = cancelPercent;
        churn.victims = "uniform";
        churn.setUp();
        int[] cycle = MemoryLatencyBenchmark.randomCycle(4 * pending, new SplittableRandom(11));
        try {
            pairs(churn, PAIRS); // warm-up: compiled code, population mixed
            double[] perPair = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long start = threads.getCurrentThreadCpuTime();
                pairs(churn, PAIRS);
                perPair[round] = (threads.getCurrentThreadCpuTime() - start) / (double) PAIRS;
            }
            // after the rounds, not between them: the probe's own 16 MB of random loads would evict the churn's id
            // ring and generation words before every round (alternating JVMs of both versions showed no difference
            // beyond the machine's own drift, but the rounds no longer depend on it)
            double[] latency = new double[LATENCY_PROBES];
            for (int probe = 0; probe < LATENCY_PROBES; probe++) {
                latency[probe] = MemoryLatencyBenchmark.nanosPerLoad(cycle, LOADS, threads);
            }
            Arrays.sort(perPair);
            Arrays.sort(latency);
            return new double[] {perPair[0], perPair[ROUNDS / 2], latency[LATENCY_PROBES / 2]};
        } finally {
            churn.tearDown();
        }
    }

    private static void pairs(TimerChurnBenchmark churn, int n) {
        for (int i = 0; i < n; i++) {
            churn.scheduleAndCancel();
        }
    }
}
