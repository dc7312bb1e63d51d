package io.supportkit.benchmarks.timer;

import org.openjdk.jol.info.ClassLayout;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Memory per pending timer for the wheel and its two rivals, measured in one run: the retained heap growth after
 * scheduling N timers (full GCs before and after, the handle array allocated before the baseline), plus the JOL
 * layout of each implementation's per-timer object. Run:
 * {@code java -Xmx8g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar io.supportkit.benchmarks.timer.TimerMemoryFootprint}
 */
public final class TimerMemoryFootprint {
    private TimerMemoryFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        System.out.println("Per-timer object layouts (JOL):");
        System.out.println("  io.supportkit.core.timer.TimerWheel: no per-timer object; 22 bytes per array entry"
                + " (generation, next, slot, deadline, task reference), arrays grown by half when full;"
                + " cancelled entries stay in the arrays until a compaction");
        layout("io.netty.util.HashedWheelTimer$HashedWheelTimeout");
        layout("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask");
        layout("java.util.concurrent.Executors$RunnableAdapter");
        System.out.printf(Locale.ROOT, "%nRetained heap per pending timer, %,d timers:%n", n);
        // wheel-churn: the wheel after 3 N schedule+cancel pairs at N pending (95 % uniform victims, the rest the
        // oldest), as in TimerChurnBenchmark: the arrays then also hold the cancelled entries not yet reclaimed
        for (String impl : new String[] {"wheel", "wheel-churn", "netty", "jdk"}) {
            for (int round = 0; round < 2; round++) {
                double perTimer = measure(impl, n);
                if (round == 1) {
                    System.out.printf(Locale.ROOT, "  %-6s %6.1f bytes%n", impl, perTimer);
                }
            }
        }
    }

    private static void layout(String className) throws ClassNotFoundException {
        ClassLayout l = ClassLayout.parseClass(Class.forName(className));
        System.out.printf(Locale.ROOT, "  %-70s %3d bytes%n", className, l.instanceSize());
    }

    private static double measure(String name, int n) throws InterruptedException {
        // the wheel is held through its fastest API, long ids; the rivals through their handles
        boolean churn = name.equals("wheel-churn");
        boolean wheel = churn || name.equals("wheel");
        Object[] handles = wheel ? null : new Object[n];
        long[] ids = wheel ? new long[n] : null;
        SplittableRandom random = new SplittableRandom(3);
        long hour = TimeUnit.HOURS.toNanos(1);
        TimerImpl impl = TimerImpl.create(churn ? "wheel" : name);
        try {
            // let the rivals' worker threads start and settle before the baseline
            Thread.sleep(200);
            long before = usedAfterGc();
            for (int i = 0; i < n; i++) {
                if (wheel) {
                    ids[i] = ((TimerImpl.Wheel) impl).scheduleId(hour + random.nextLong(hour));
                } else {
                    handles[i] = impl.schedule(hour + random.nextLong(hour));
                }
            }
            if (churn) {
                churn((TimerImpl.Wheel) impl, ids, 3L * n, hour);
            }
            // Netty moves new timeouts from its queue into buckets on its worker thread, 100,000 per tick
            Thread.sleep(Math.max(500, n / 50_000));
            long after = usedAfterGc();
            if (wheel ? ids[n - 1] == 0 : handles[n - 1] == null) {
                throw new IllegalStateException("unreachable; keeps the handles alive");
            }
            return (after - before) / (double) n;
        } finally {
            impl.close();
        }
    }

    private static void churn(TimerImpl.Wheel wheel, long[] ids, long pairs, long hour) {
        int n = ids.length;
        long seed = 0x9E3779B97F4A7C15L;
        int oldest = 0;
        for (long i = 0; i < pairs; i++) {
            long x = seed;
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            seed = x;
            int slot;
            if ((int) (((x & 0xFFFFL) * 100) >>> 16) < 95) {
                slot = (int) (((x >>> 32) * n) >>> 32);
            } else {
                slot = oldest;
                oldest = oldest + 1 == n ? 0 : oldest + 1;
            }
            wheel.cancelId(ids[slot]);
            ids[slot] = wheel.scheduleId(hour + ((((x >>> 16) & 0xFFFFFFFFL) * (hour >>> 12)) >>> 20));
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, mem.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
