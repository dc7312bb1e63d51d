package io.supportkit.benchmarks.timer;

import io.supportkit.benchmarks.InterleavedCpuTime;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A before/after comparison of {@link TimerChurnBenchmark} (the wheel, uniform victims) for a shared, loaded
 * machine: each given {@code benchmarks.jar} runs in its own class loader in this one JVM, and their rounds
 * alternate (A B, B A, ...), so both builds meet the same load, the same neighbours in the caches and the same
 * clock speed; each round is timed in thread CPU time and each round of one build is compared with the adjacent
 * round of the other. The rounds call {@code TimerChurnCpuTime.pairs} of each jar, so the loop around the
 * benchmark's operation is compiled within each build, as in {@link TimerChurnCpuTime}.
 *
 * <pre>
 * java -Xms6g -Xmx6g -Xmn2g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar \
 *      io.supportkit.benchmarks.timer.TimerInterleavedCpuTime 1000000 95 15 2000000 <before.jar> benchmarks/target/benchmarks.jar
 * </pre>
 *
 * Arguments: pending timers, cancel percentage, measured rounds, pairs per round, then the jars (the first is the
 * reference of the ratio). Three rounds per jar warm up first. {@code -Dimpls=wheel,wheel-discard} names the
 * benchmark row of each jar in turn; a single name, or the last one given, applies to the remaining jars (default
 * {@code wheel} for all).
 */
public final class TimerInterleavedCpuTime {
    private static final int WARMUP_ROUNDS = 3;

    private TimerInterleavedCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: TimerInterleavedCpuTime <pending> <cancelPercent> <rounds> <pairsPerRound> <jar>...");
            System.exit(2);
        }
        int pending = Integer.parseInt(args[0]);
        int cancelPercent = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int pairs = Integer.parseInt(args[3]);
        String[] jars = Arrays.copyOfRange(args, 4, args.length);
        // -Dimpls=wheel,wheel-discard: the wheel row each jar runs, in the order of the jars; the last name given
        // also serves the jars after it, so "-Dimpls=wheel-discard" compares that row in every jar (default: wheel)
        String[] impls = System.getProperty("impls", "wheel").split(",");
        Object[] benches = new Object[jars.length];
        Method[] loop = new Method[jars.length];
        for (int j = 0; j < jars.length; j++) {
            // the platform loader as parent: each jar brings its own wheel and benchmark classes
            URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(jars[j]).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> type = Class.forName(TimerChurnBenchmark.class.getName(), true, loader);
            Object bench = type.getConstructor().newInstance();
            set(type, bench, "impl", impls[Math.min(j, impls.length - 1)]);
            set(type, bench, "pending", pending);
            set(type, bench, "cancelPercent", cancelPercent);
            set(type, bench, "victims", "uniform");
            type.getMethod("setUp").invoke(bench);
            benches[j] = bench;
            Class<?> cpu = Class.forName(TimerChurnCpuTime.class.getName(), true, loader);
            loop[j] = cpu.getDeclaredMethod("pairs", type, int.class);
            loop[j].setAccessible(true);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] nanos = new double[jars.length][rounds];
        for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
            for (int k = 0; k < jars.length; k++) {
                int j = (round & 1) == 0 ? k : jars.length - 1 - k; // alternate who goes first
                long start = threads.getCurrentThreadCpuTime();
                loop[j].invoke(null, benches[j], pairs);
                long spent = threads.getCurrentThreadCpuTime() - start;
                if (round >= 0) {
                    nanos[j][round] = (double) spent / pairs;
                }
            }
        }
        System.out.printf(Locale.ROOT, "pending=%d cancel=%d%%, %d rounds of %d pairs:%n", pending, cancelPercent,
                rounds, pairs);
        InterleavedCpuTime.report(jars, nanos, "pair");
    }

    private static void set(Class<?> type, Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}
