package io.supportkit.benchmarks.routing;

/**
 * The assign-and-release pair of {@link RoutingAssignReleaseBenchmark} split into its two halves: the time of a
 * decision (submit: rule, index walk, eligibility, tie-break, facts of the explanation) and the time of a release,
 * each measured over batches of 256 different tasks with {@code System.nanoTime()} around the batch. The issue
 * counts decisions per second; JMH measures the pair, which this harness does not replace. Run it on a quiet
 * machine (wall time), with the benchmark's own setup:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.supportkit.benchmarks.routing.RoutingDecisionSplit 15000 4 3 5
 * </pre>
 *
 * Arguments: agents, skills per agent, languages per agent, capacity, optional rounds (12).
 */
public final class RoutingDecisionSplit {
    private static final int BATCH = 256;
    private static final int BATCHES_PER_ROUND = 4_000;
    private static final int WARMUP_ROUNDS = 4;

    private RoutingDecisionSplit() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: RoutingDecisionSplit <agents> <skillsPerAgent> <languagesPerAgent> <capacity>"
                    + " [rounds]");
            System.exit(2);
        }
        RoutingAssignReleaseBenchmark bench = new RoutingAssignReleaseBenchmark();
        bench.agents = Integer.parseInt(args[0]);
        bench.skillsPerAgent = Integer.parseInt(args[1]);
        bench.languagesPerAgent = Integer.parseInt(args[2]);
        bench.capacity = Integer.parseInt(args[3]);
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 12;
        bench.setUp();
        boolean[] scratch = new boolean[BATCH];
        double bestDecision = Double.MAX_VALUE;
        double bestRelease = Double.MAX_VALUE;
        long assigned = 0;
        for (int round = 0; round < rounds; round++) {
            long[] nanos = new long[2];
            for (int b = 0; b < BATCHES_PER_ROUND; b++) {
                assigned += bench.decideThenRelease(BATCH, nanos, scratch);
            }
            if (round >= WARMUP_ROUNDS) {
                double ops = (double) BATCH * BATCHES_PER_ROUND;
                bestDecision = Math.min(bestDecision, nanos[0] / ops);
                bestRelease = Math.min(bestRelease, nanos[1] / ops);
            }
        }
        System.out.printf("agents=%s skills=%s languages=%s capacity=%s: decision %.0f ns (%.2f M decisions/s), "
                        + "release %.0f ns, pair %.0f ns (best of %d rounds; %d assigned)%n", args[0], args[1],
                args[2], args[3], bestDecision, 1e3 / bestDecision, bestRelease, bestDecision + bestRelease,
                rounds - WARMUP_ROUNDS, assigned);
    }
}
