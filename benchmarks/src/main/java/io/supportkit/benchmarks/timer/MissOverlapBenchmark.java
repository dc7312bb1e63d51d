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

import java.util.concurrent.TimeUnit;

/**
 * Why a schedule-and-cancel pair of a timer at 1,000,000 pending costs a fixed share of the machine's memory latency
 * (its lock is only a sixth of that share): each step of the churn harness reads a random slot of the caller's id ring, a cache
 * miss when the ring is not in the last-level cache, and the misses of successive steps overlap only while the core
 * can hold the work between them in flight. Instructions retire in order, so everything after a missing load waits
 * in the reorder buffer (and every store in the store buffer) until it arrives; the more work a step does, the
 * fewer steps' misses are outstanding together, down to one step per latency.
 *
 * <p>One op is the churn harness's own step ({@code harness} row of {@link TimerChurnBenchmark}: a random read of
 * the ring, the id recorded, the new id written back) plus {@code work} stores to a small array that is always in
 * cache, which stand for a timer's own work. The baseline is {@code work=0} in the same run. {@code missStores=false}
 * is the control: the id read is only added into a register, neither recorded nor written back, so no store waits
 * for the missing line; if it costs the same, the limit is the window of work in flight, not the order in which
 * stores reach the cache. {@code slots} sets the ring: 1,000,000 longs (8 MB, the churn's ring at 1,000,000
 * pending; in the last-level cache when the machine is quiet) or 16,000,000 (128 MB, memory whatever the
 * neighbours do).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar "MissOverlapBenchmark|MemoryLatencyBenchmark" -p pending=1000000 \
 *      -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-Xmn2g", "-XX:+UseParallelGC"})
public class MissOverlapBenchmark {
    @Param({"1000000", "16000000"})
    public int slots;

    @Param({"0", "4", "8", "16", "24"})
    public int work;

    @Param({"true", "false"})
    public boolean missStores;

    private long[] ring;
    private final long[] cached = new long[64];
    private final long[] recorded = new long[64];
    private int recordedCount;
    private long seed = 0x9E3779B97F4A7C15L;
    private long sink;

    @Setup
    public void setUp() {
        ring = new long[slots];
        for (int i = 0; i < slots; i++) {
            ring[i] = i;
        }
    }

    @Benchmark
    public long step() {
        long x = seed;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        seed = x;
        int slot = (int) (((x >>> 32) * slots) >>> 32);
        long id = ring[slot];
        if (missStores) {
            recorded[recordedCount++ & 63] = id; // what a discard records: a store whose value is the missing load
        } else {
            sink += id;
        }
        long[] c = cached;
        for (int k = 0; k < work; k++) {
            c[(slot + k) & 63] = x + k;
        }
        if (missStores) {
            ring[slot] = x; // the new id, into the line the read above is still waiting for
        }
        return sink;
    }
}
