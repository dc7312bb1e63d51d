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
        System.out.println("  io.supportkit.core.timer.TimerWheel: no per-timer object; 24 bytes per array entry"
                + " (int record: next, prev, generation, deadline; plus the task reference), arrays doubled when full");
        layout("io.netty.util.HashedWheelTimer$HashedWheelTimeout");
        layout("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask");
        layout("java.util.concurrent.Executors$RunnableAdapter");
        System.out.printf(Locale.ROOT, "%nRetained heap per pending timer, %,d timers:%n", n);
        for (String impl : new String[] {"wheel", "netty", "jdk"}) {
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
        boolean wheel = name.equals("wheel");
        Object[] handles = wheel ? null : new Object[n];
        long[] ids = wheel ? new long[n] : null;
        SplittableRandom random = new SplittableRandom(3);
        long hour = TimeUnit.HOURS.toNanos(1);
        TimerImpl impl = TimerImpl.create(name);
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
