package io.supportkit.benchmarks.routing;

import io.supportkit.benchmarks.InterleavedCpuTime;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A before/after comparison of {@link RoutingAssignReleaseBenchmark} for a shared, loaded machine: each given
 * {@code benchmarks.jar} runs in its own class loader in this one JVM, and their rounds alternate (A B, B A, ...),
 * so both builds meet the same load, the same neighbours in the caches and the same clock speed; each round is
 * timed in thread CPU time. Separate runs minutes apart differed by more than the changes measured here; the
 * ratio of paired rounds does not depend on how busy the machine was over the whole run.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.supportkit.benchmarks.routing.RoutingInterleavedCpuTime \
 *      15000 4 3 5 16 500000 /tmp/routing-base.jar benchmarks/target/benchmarks.jar
 * </pre>
 *
 * Arguments: agents, skills per agent, languages per agent, capacity, measured rounds, pairs per round, then the
 * jars (the first is the reference of the ratio). Three rounds per jar warm up first.
 */
public final class RoutingInterleavedCpuTime {
    private static final int WARMUP_ROUNDS = 3;

    private RoutingInterleavedCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 7) {
            System.err.println("usage: RoutingInterleavedCpuTime <agents> <skillsPerAgent> <languagesPerAgent> "
                    + "<capacity> <rounds> <pairsPerRound> <jar>...");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[4]);
        int pairs = Integer.parseInt(args[5]);
        String[] jars = Arrays.copyOfRange(args, 6, args.length);
        Object[] benches = new Object[jars.length];
        Method[] pair = new Method[jars.length];
        String[] fields = {"agents", "skillsPerAgent", "languagesPerAgent", "capacity"};
        for (int j = 0; j < jars.length; j++) {
            // the platform loader as parent: each jar brings its own router and benchmark classes
            URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(jars[j]).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> type = Class.forName(RoutingAssignReleaseBenchmark.class.getName(), true, loader);
            Object bench = type.getConstructor().newInstance();
            for (int f = 0; f < fields.length; f++) {
                Field field = type.getDeclaredField(fields[f]);
                field.setAccessible(true);
                field.setInt(bench, Integer.parseInt(args[f]));
            }
            type.getMethod("setUp").invoke(bench);
            benches[j] = bench;
            pair[j] = type.getMethod("indexedRouter");
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] nanos = new double[jars.length][rounds];
        int assigned = 0;
        for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
            for (int k = 0; k < jars.length; k++) {
                int j = (round & 1) == 0 ? k : jars.length - 1 - k; // alternate who goes first
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < pairs; i++) {
                    assigned += pair[j].invoke(benches[j]) == null ? 0 : 1;
                }
                long spent = threads.getCurrentThreadCpuTime() - start;
                if (round >= 0) {
                    nanos[j][round] = (double) spent / pairs;
                }
            }
        }
        System.out.printf("agents=%s skills=%s languages=%s capacity=%s, %d rounds of %d pairs (%d assigned):%n",
                args[0], args[1], args[2], args[3], rounds, pairs, assigned);
        InterleavedCpuTime.report(jars, nanos, "pair");
    }
}
