package io.supportkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A before/after comparison of any one-thread JMH benchmark method for a shared, loaded machine: each given
 * {@code benchmarks.jar} runs in its own class loader in this one JVM, their rounds alternate (A B, B A, ...) and
 * each round is timed in thread CPU time, so both builds meet the same load, caches and clock speed and waiting
 * for a core is not counted. The ratio of paired rounds is the figure to read; wall-clock JMH runs minutes apart
 * on a shared 2-core machine differ by more than most changes.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.supportkit.benchmarks.InterleavedCpuTime \
 *      nlp.SentimentBenchmark supportkitSentiment 16 200000 <before.jar> benchmarks/target/benchmarks.jar
 * </pre>
 *
 * Arguments: the benchmark class (relative to {@code io.supportkit.benchmarks}), its {@code @Benchmark} method,
 * measured rounds, calls per round, optional {@code field=value} settings of {@code @Param} fields, then the jars
 * (the first is the reference of the ratio). The class needs a public no-argument {@code setUp()}; three rounds per
 * jar warm up first. For the routing benchmark, for example:
 * {@code routing.RoutingAssignReleaseBenchmark indexedRouter 16 500000 agents=15000 skillsPerAgent=4
 * languagesPerAgent=3 capacity=5 <before.jar> <after.jar>}.
 */
public final class InterleavedCpuTime {
    private static final int WARMUP_ROUNDS = 3;

    private InterleavedCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: InterleavedCpuTime <class> <method> <rounds> <callsPerRound> "
                + "[field=value]... <jar>...");
            System.exit(2);
        }
        String className = "io.supportkit.benchmarks." + args[0];
        int rounds = Integer.parseInt(args[2]);
        int calls = Integer.parseInt(args[3]);
        List<String[]> settings = new ArrayList<>();
        List<String> jars = new ArrayList<>();
        for (int a = 4; a < args.length; a++) {
            int eq = args[a].indexOf('=');
            if (eq > 0 && !args[a].endsWith(".jar")) {
                settings.add(new String[] {args[a].substring(0, eq), args[a].substring(eq + 1)});
            } else {
                jars.add(args[a]);
            }
        }
        if (jars.isEmpty()) {
            System.err.println("no benchmarks.jar given: name at least one (the first is the reference)");
            System.exit(2);
        }
        int n = jars.size();
        Object[] benches = new Object[n];
        Method[] method = new Method[n];
        for (int j = 0; j < n; j++) {
            // the platform loader as parent: each jar brings its own library and benchmark classes
            URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(jars.get(j)).toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
            Class<?> type = Class.forName(className, true, loader);
            Object bench = type.getConstructor().newInstance();
            for (String[] s : settings) {
                Field field = type.getDeclaredField(s[0]);
                field.setAccessible(true);
                if (field.getType() == int.class) {
                    field.setInt(bench, Integer.parseInt(s[1]));
                } else {
                    field.set(bench, s[1]);
                }
            }
            type.getMethod("setUp").invoke(bench);
            benches[j] = bench;
            method[j] = type.getMethod(args[1]);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] nanos = new double[n][rounds];
        long sink = 0;
        for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
            for (int k = 0; k < n; k++) {
                int j = (round & 1) == 0 ? k : n - 1 - k; // alternate who goes first
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    Object result = method[j].invoke(benches[j]);
                    sink += result == null ? 0 : 1;
                }
                long spent = threads.getCurrentThreadCpuTime() - start;
                if (round >= 0) {
                    nanos[j][round] = (double) spent / calls;
                }
            }
        }
        System.out.printf("%s.%s %s, %d rounds of %d calls (%d results):%n", args[0], args[1],
            settings.stream().map(s -> s[0] + "=" + s[1]).toList(), rounds, calls, sink);
        report(jars.toArray(new String[0]), nanos, "call");
    }

    /**
     * Prints, per jar, the median and best CPU time per {@code unit} over the measured rounds and the median of the
     * paired ratios (round by round) to the first jar: the figure to read on a loaded machine.
     */
    public static void report(String[] jars, double[][] nanos, String unit) {
        int rounds = nanos[0].length;
        for (int j = 0; j < jars.length; j++) {
            double[] sorted = nanos[j].clone();
            Arrays.sort(sorted);
            double ratio = 1;
            if (j > 0) {
                double[] ratios = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratios[r] = nanos[j][r] / nanos[0][r];
                }
                Arrays.sort(ratios);
                ratio = ratios[rounds / 2];
            }
            System.out.printf(Locale.ROOT, "  %s: median %.1f ns CPU per %s (best %.1f), median paired ratio to the first %.3f%n",
                jars[j], sorted[rounds / 2], unit, sorted[0], ratio);
        }
    }
}
