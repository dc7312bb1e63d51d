package io.supportkit.benchmarks.timer;

import io.netty.util.HashedWheelTimer;
import io.supportkit.core.timer.TimerWheel;
import io.supportkit.time.VirtualClock;
import org.agrona.DeadlineTimerWheel;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The timer implementations behind one small face, so every benchmark runs the same operations on each. Handles
 * are kept as Object to avoid an extra wrapper per timer; implementations whose timers are {@code long} ids also
 * offer the id path ({@link IdTimers}).
 */
abstract class TimerImpl implements AutoCloseable {
    static final Runnable NOOP = () -> { };

    /** Schedules a no-op task {@code delayNanos} from now and returns its handle. */
    abstract Object schedule(long delayNanos);

    abstract void cancel(Object handle);

    @Override
    public abstract void close();

    static TimerImpl create(String name) {
        switch (name) {
            case "wheel":
                return new Wheel(false);
            case "wheel-discard":
                return new Wheel(true);
            case "netty":
                return new Netty();
            case "jdk":
                return new Jdk();
            case "agrona":
                return new Agrona();
            default:
                throw new IllegalArgumentException(name);
        }
    }

    /**
     * The supportkit wheel on a virtual clock (the clock never moves in schedule/cancel benchmarks). Its fastest
     * API is the id path ({@link #scheduleId}, {@link #cancelId}), which the benchmarks use; {@link #schedule}
     * returns the convenience {@code Timeout} handle.
     */
    static final class Wheel extends IdTimers {
        final VirtualClock clock = VirtualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        final TimerWheel wheel = TimerWheel.builder().clock(clock).tick(Duration.ofMillis(1)).build();

        /** Cancels through {@code discardTimer} (no answer, ids checked in batches) rather than {@code cancelTimer}. */
        final boolean discard;

        Wheel(boolean discard) {
            this.discard = discard;
        }

        @Override
        long scheduleId(long delayNanos) {
            return wheel.scheduleTimerNanos(delayNanos, NOOP);
        }

        @Override
        void cancelId(long id) {
            if (discard) {
                wheel.discardTimer(id);
            } else {
                wheel.cancelTimer(id);
            }
        }

        @Override
        Object schedule(long delayNanos) {
            return wheel.scheduleNanos(delayNanos, NOOP);
        }

        @Override
        void cancel(Object handle) {
            ((io.supportkit.core.timer.Timeout) handle).cancel();
        }

        @Override
        public void close() {
        }
    }

    /** Timers that are {@code long} ids: the benchmarks use {@link #scheduleId} and {@link #cancelId}. */
    abstract static class IdTimers extends TimerImpl {
        abstract long scheduleId(long delayNanos);

        abstract void cancelId(long id);
    }

    /**
     * Agrona's {@code DeadlineTimerWheel}: one level of slots, each an array of deadlines; a timer is its slot and
     * its index in that array, so cancel writes one array element and schedule scans its slot for a free element.
     * Not thread-safe and takes no lock, and keeps only deadlines (no task per timer: its poll hands the id to one
     * handler), so it is the floor of what an array-based wheel costs, not a drop-in rival. Tick 2^20 ns (about
     * 1 ms, like the others), 65,536 slots (68 s around; later deadlines wait for their round), 16 elements per
     * slot to start with (it doubles them all when a slot is full).
     */
    static final class Agrona extends IdTimers {
        final DeadlineTimerWheel wheel = new DeadlineTimerWheel(TimeUnit.NANOSECONDS, 0, 1L << 20, 1 << 16, 16);

        @Override
        long scheduleId(long delayNanos) {
            return wheel.scheduleTimer(delayNanos);
        }

        @Override
        void cancelId(long id) {
            wheel.cancelTimer(id);
        }

        @Override
        Object schedule(long delayNanos) {
            return wheel.scheduleTimer(delayNanos);
        }

        @Override
        void cancel(Object handle) {
            wheel.cancelTimer((Long) handle);
        }

        @Override
        public void close() {
        }
    }

    /** Netty's HashedWheelTimer, 1 ms tick, 512 buckets (its defaults apart from the tick), worker thread started. */
    static final class Netty extends TimerImpl {
        final HashedWheelTimer timer = new HashedWheelTimer(r -> {
            Thread t = new Thread(r, "netty-wheel");
            t.setDaemon(true);
            return t;
        }, 1, TimeUnit.MILLISECONDS, 512, false);

        Netty() {
            timer.start();
        }

        @Override
        Object schedule(long delayNanos) {
            return timer.newTimeout(t -> { }, delayNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        void cancel(Object handle) {
            ((io.netty.util.Timeout) handle).cancel();
        }

        @Override
        public void close() {
            timer.stop();
        }
    }

    /** The JDK's ScheduledThreadPoolExecutor with one thread and remove-on-cancel. */
    static final class Jdk extends TimerImpl {
        final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);

        Jdk() {
            executor.setRemoveOnCancelPolicy(true);
        }

        @Override
        Object schedule(long delayNanos) {
            return executor.schedule(NOOP, delayNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        void cancel(Object handle) {
            ((ScheduledFuture<?>) handle).cancel(false);
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
