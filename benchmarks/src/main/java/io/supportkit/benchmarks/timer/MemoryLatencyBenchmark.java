package io.supportkit.benchmarks.timer;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The machine's latency for one dependent load at random in about as many bytes as a churn of
 * {@link TimerChurnBenchmark} reads at random (16 bytes per pending timer: its id ring, 8, and the wheel's generation
 * words, 4 per entry at 1.5 entries per pending timer), measured in the same sitting as the churn so that its
 * figures can be read.
 *
 * <p>At 1,000,000 pending a schedule-and-cancel pair of the wheel costs about one such latency (the caller's id,
 * then the timer's generation word, each a random line, the second depending on the first), so the pair follows
 * whatever the caches and the memory of the machine give at that moment: 50 ns per pair when this probe reads
 * about 50, 120 when it reads 125 because neighbours fill the shared last-level cache. On a shared machine,
 * compare builds only in the same sitting, in pairs ({@link TimerInterleavedCpuTime}), and quote this figure with
 * the absolute ones.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar "TimerChurnBenchmark|MemoryLatencyBenchmark" -p pending=1000000 \
 *      -p impl=wheel -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-Xmn2g", "-XX:+UseParallelGC"})
public class MemoryLatencyBenchmark {
    @Param({"10000", "1000000", "10000000"})
    public int pending;

    private int[] cycle;
    private int at;

    @Setup
    public void setUp() {
        cycle = randomCycle(4 * pending, new SplittableRandom(11));
    }

    /** One load whose address is the value of the previous one: no two are ever in flight together. */
    @Benchmark
    public int dependentLoad() {
        at = cycle[at];
        return at;
    }

    /** Nanoseconds of CPU time per dependent load over {@code cycle}, for harnesses that time in CPU time. */
    static double nanosPerLoad(int[] cycle, int loads, java.lang.management.ThreadMXBean threads) {
        int p = 0;
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < loads; i++) {
            p = cycle[p];
        }
        long spent = threads.getCurrentThreadCpuTime() - start;
        return p == -1 ? -1 : (double) spent / loads; // p is used, so the loop is not removed
    }

    /** A single cycle through all {@code n} indexes in random order (Sattolo's shuffle). */
    static int[] randomCycle(int n, SplittableRandom random) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int t = c[i];
            c[i] = c[j];
            c[j] = t;
        }
        return c;
    }
}
