package io.supportkit.benchmarks.routing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The assign-and-release pair of {@link RoutingAssignReleaseBenchmark} split into its two halves: the time of a
 * decision (submit: rule, index walk, eligibility, tie-break, facts of the explanation) and the time of a release.
 * The issue counts decisions per second; JMH measures the pair, which this harness does not replace.
 *
 * <p><b>Same workload as JMH.</b> By default each decision is followed by the release of its own task, in the
 * benchmark's task order, exactly as the JMH method does; the two halves are timed with {@code System.nanoTime()}
 * around each one, and the cost of a {@code nanoTime} call, measured at start (30-60 ns on the shared machine),
 * is subtracted from each half. The thread CPU time per pair of the same rounds is printed next to them: it should
 * match the sum, and the JMH mean (not its median) on a quiet machine.
 *
 * <p><b>Why an earlier version disagreed with JMH.</b> It decided batches of 256 different tasks and only then
 * released them. That leaves the decision as it was (the same code on the same state: re-measured at 15,000 agents,
 * 4 skills x 3 languages, the decision stays within noise for batches of 1 to 256, e.g. 604 vs 574 ns at capacity 1,
 * 1,025 vs 952 ns at capacity 50) but makes the release dearer: in the pair, the released agent is still the last of
 * each of its index lists (it was just moved there), so the release only gives it a new key; after 255 other
 * decisions, other agents sit behind it and the release unlinks and relinks it in all its lists (115-190 ns becomes
 * 230-320 ns). The rest of the gap between the figures in {@code RESULTS.md} (decision 1.4-1.6 µs here against a JMH
 * pair median of 0.64-0.74 µs) was comparing a mean of wall time with a median, in runs minutes apart on a shared
 * machine: the same harness gave 0.83-1.6 µs on different runs. The batch mode stays available (sixth argument)
 * to show the effect of the release's position.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.supportkit.benchmarks.routing.RoutingDecisionSplit 15000 4 3 5
 * </pre>
 *
 * Arguments: agents, skills per agent, languages per agent, capacity, optional rounds (12, the first 4 warm up),
 * optional batch (1: the JMH order; up to 256: that many decisions, then their releases).
 */
public final class RoutingDecisionSplit {
    private static final int MAX_BATCH = 256;
    private static final int PAIRS_PER_ROUND = 1 << 20;
    private static final int WARMUP_ROUNDS = 4;

    private RoutingDecisionSplit() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: RoutingDecisionSplit <agents> <skillsPerAgent> <languagesPerAgent> <capacity>"
                    + " [rounds] [batch]");
            System.exit(2);
        }
        RoutingAssignReleaseBenchmark bench = new RoutingAssignReleaseBenchmark();
        bench.agents = Integer.parseInt(args[0]);
        bench.skillsPerAgent = Integer.parseInt(args[1]);
        bench.languagesPerAgent = Integer.parseInt(args[2]);
        bench.capacity = Integer.parseInt(args[3]);
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 12;
        int batch = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        if (rounds <= WARMUP_ROUNDS || batch < 1 || batch > MAX_BATCH) {
            throw new IllegalArgumentException("rounds must be above " + WARMUP_ROUNDS + " and batch within 1-"
                    + MAX_BATCH + ", got " + rounds + " and " + batch);
        }
        bench.setUp();
        double clockCall = nanoTimeCost();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean[] scratch = new boolean[batch];
        int batches = PAIRS_PER_ROUND / batch;
        double ops = (double) batches * batch;
        int measured = rounds - WARMUP_ROUNDS;
        double[] decision = new double[measured];
        double[] release = new double[measured];
        double[] cpu = new double[measured];
        long assigned = 0;
        for (int round = 0; round < rounds; round++) {
            long[] nanos = new long[2];
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (int b = 0; b < batches; b++) {
                assigned += bench.decideThenRelease(batch, nanos, scratch);
            }
            long cpuSpent = threads.getCurrentThreadCpuTime() - cpuStart;
            if (round >= WARMUP_ROUNDS) {
                int r = round - WARMUP_ROUNDS;
                // each half of a batch holds the cost of about one nanoTime call; a pair makes three calls
                decision[r] = (nanos[0] - batches * clockCall) / ops;
                release[r] = (nanos[1] - batches * clockCall) / ops;
                cpu[r] = (cpuSpent - 3 * batches * clockCall) / ops;
            }
        }
        double d = median(decision);
        double rel = median(release);
        // the range is printed because on a shared machine rounds differ by 2-3x, in CPU time as well (caches)
        System.out.printf("agents=%s skills=%s languages=%s capacity=%s batch=%d: decision %.0f ns (%.2f M decisions/s;"
                        + " rounds %.0f-%.0f), release %.0f ns, pair %.0f ns; CPU per pair %.0f ns (rounds %.0f-%.0f)"
                        + " (medians of %d rounds of %d pairs, nanoTime call %.0f ns subtracted; %d assigned)%n",
                args[0], args[1], args[2], args[3], batch, d, 1e3 / d, min(decision), max(decision), rel, d + rel,
                median(cpu), min(cpu), max(cpu), measured, (long) ops, clockCall, assigned);
    }

    /** The cost of one {@code System.nanoTime()} call, over a million back-to-back calls. */
    private static double nanoTimeCost() {
        long sink = 0;
        double best = Double.MAX_VALUE;
        for (int attempt = 0; attempt < 5; attempt++) {
            long start = System.nanoTime();
            for (int i = 0; i < 1_000_000; i++) {
                sink += System.nanoTime();
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        if (sink == 42) {
            System.out.print(""); // keeps the calls from being removed
        }
        return best;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
