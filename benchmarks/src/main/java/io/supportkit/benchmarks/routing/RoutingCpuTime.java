package io.supportkit.benchmarks.routing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * CPU time per assign+release pair of {@link RoutingAssignReleaseBenchmark}, for a shared machine where JMH's
 * wall-clock throughput mostly measures how often the thread got a core. It runs the benchmark's own setup and
 * benchmark method on one thread and reports the best round of thread CPU time (still inflated by caches and
 * cores shared with other processes, but not by waiting for a core). JMH stays the reference on a quiet machine.
 *
 * <p>The benchmark method is called by reflection (a few ns per call, the same for every build), so the same
 * command also measures an older {@code benchmarks.jar} for a before/after comparison in one sitting:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.supportkit.benchmarks.routing.RoutingCpuTime \
 *      indexedRouter 15000 4 3 5
 * </pre>
 *
 * Arguments: benchmark method, agents, skills per agent, languages per agent, capacity, optional rounds (14).
 */
public final class RoutingCpuTime {
    private static final int PAIRS_PER_ROUND = 2_000_000;
    private static final int WARMUP_ROUNDS = 4;

    private RoutingCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: RoutingCpuTime <method> <agents> <skillsPerAgent> <languagesPerAgent> "
                    + "<capacity> [rounds]");
            System.exit(2);
        }
        Class<?> type = Class.forName("io.supportkit.benchmarks.routing.RoutingAssignReleaseBenchmark");
        Object bench = type.getConstructor().newInstance();
        set(type, bench, "agents", Integer.parseInt(args[1]));
        set(type, bench, "skillsPerAgent", Integer.parseInt(args[2]));
        set(type, bench, "languagesPerAgent", Integer.parseInt(args[3]));
        set(type, bench, "capacity", Integer.parseInt(args[4]));
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 14;
        type.getMethod("setUp").invoke(bench);
        Method pair = type.getMethod(args[0]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int checksum = 0;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < PAIRS_PER_ROUND; i++) {
                Object agent = pair.invoke(bench);
                checksum += agent == null ? 0 : 1;
            }
            long nanos = threads.getCurrentThreadCpuTime() - start;
            if (round >= WARMUP_ROUNDS) {
                best = Math.min(best, nanos);
            }
        }
        double nsPerPair = (double) best / PAIRS_PER_ROUND;
        System.out.printf("%s agents=%s skills=%s languages=%s capacity=%s: %.0f ns CPU per pair, %.2f M pairs/s "
                        + "per CPU second (best of %d rounds; %d assigned)%n", args[0], args[1], args[2], args[3],
                args[4], nsPerPair, 1e3 / nsPerPair, rounds - WARMUP_ROUNDS, checksum);
    }

    private static void set(Class<?> type, Object target, String field, int value) throws ReflectiveOperationException {
        Field f = type.getDeclaredField(field);
        f.setAccessible(true);
        f.setInt(target, value);
    }
}
