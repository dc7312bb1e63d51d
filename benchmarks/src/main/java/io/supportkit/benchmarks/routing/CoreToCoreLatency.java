package io.supportkit.benchmarks.routing;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The round trip of one cache line between two threads (two cores, when the machine has two idle ones): each thread
 * waits for the other's write and answers with its own. {@link RoutingContendedBenchmark} depends on it: when the
 * two cores of this VM sit on one die a round trip takes about 60 ns and two threads keep 83-127 % of one thread's
 * throughput; on two dies it takes about 400 ns and they keep 66-96 % (benchmarks/RESULTS.md). Run it next to a
 * contended benchmark to know which machine the figures came from.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.supportkit.benchmarks.routing.CoreToCoreLatency [round trips]
 * </pre>
 */
public final class CoreToCoreLatency {
    private CoreToCoreLatency() {
    }

    public static void main(String[] args) throws InterruptedException {
        int trips = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        for (int round = 0; round < 3; round++) {
            AtomicLong line = new AtomicLong();
            Thread other = new Thread(() -> {
                for (long i = 1; i < 2L * trips; i += 2) {
                    while (line.get() != i) {
                        Thread.onSpinWait();
                    }
                    line.set(i + 1);
                }
            });
            other.start();
            long start = System.nanoTime();
            for (long i = 0; i < 2L * trips; i += 2) {
                while (line.get() != i) {
                    Thread.onSpinWait();
                }
                line.set(i + 1);
            }
            other.join();
            System.out.printf(Locale.ROOT, "round trip of a cache line between two threads: %.1f ns%n",
                    (System.nanoTime() - start) / (double) trips);
        }
    }
}
