package io.supportkit.core.calendar.internal;

import io.supportkit.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The open time of a calendar as sorted, merged instant segments, built lazily in blocks of {@link #BLOCK_DAYS}
 * local dates and cached. Internal.
 *
 * <p>Why segments in epoch nanoseconds: every question (open at t, business time between, deadline) becomes a
 * binary search plus integer arithmetic, so answers are exact and a deadline takes well under a microsecond once
 * the block is cached. Daylight saving is handled once, when a block is built: a wall-clock interval is mapped to
 * the set of instants whose wall-clock time lies inside it, piece by piece between offset transitions. An interval
 * inside a spring-forward gap therefore shrinks, and one inside a fall-back overlap counts twice, exactly as a
 * wall clock on the office wall would show.
 *
 * <p>Thread-safe: blocks are immutable and published through an atomic array; two threads may build the same
 * block, and either copy is correct.
 */
public final class SegmentTimeline {
    /** A function from a local date to the intervals that start on it: pairs of (start second, length seconds). */
    @FunctionalInterface
    public interface DaySchedule {
        int[] intervalsStartingOn(LocalDate date);
    }

    static final int BLOCK_DAYS = 32;
    /** Supported range, chosen so that every instant fits in a long of epoch nanoseconds. */
    public static final Instant MIN = Instant.parse("1700-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("2260-01-01T00:00:00Z");
    /** {@link #MIN} in epoch nanoseconds. */
    public static final long MIN_NANOS = MIN.getEpochSecond() * 1_000_000_000L;
    /** {@link #MAX} in epoch nanoseconds. */
    public static final long MAX_NANOS = MAX.getEpochSecond() * 1_000_000_000L;
    /** {@link #deadline}: the calendar stays closed for longer than allowed on the way. */
    public static final long STAYS_CLOSED = Long.MIN_VALUE;
    /** {@link #deadline}: the answer lies after {@link #MAX}, where no caller could pass it back in. */
    public static final long AFTER_RANGE = Long.MAX_VALUE;
    private static final long MIN_EPOCH_DAY = LocalDate.of(1699, 12, 1).toEpochDay();
    private static final long MAX_EPOCH_DAY = LocalDate.of(2260, 2, 1).toEpochDay();
    private static final long NANOS = 1_000_000_000L;
    private static final long MAX_OFFSET_SECONDS = 18 * 3600;

    private final ZoneRules rules;
    private final ZoneId zone;
    private final DaySchedule schedule;
    private final AtomicReferenceArray<Block> blocks;
    private volatile Block last;

    public SegmentTimeline(ZoneId zone, DaySchedule schedule) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.schedule = schedule;
        this.blocks = new AtomicReferenceArray<>((int) ((MAX_EPOCH_DAY - MIN_EPOCH_DAY) / BLOCK_DAYS) + 1);
    }

    /** Converts an instant to epoch nanoseconds, rejecting instants outside the supported range. */
    public static long toNanos(Instant t, String name) {
        if (t.isBefore(MIN) || t.isAfter(MAX)) {
            throw new InvalidInputException(name + " must be between " + MIN + " and " + MAX + ", was " + t);
        }
        return t.getEpochSecond() * NANOS + t.getNano();
    }

    /** Rejects epoch nanoseconds outside the supported range, as {@link #toNanos} does for instants. */
    public static long checkNanos(long t, String name) {
        if (t < MIN_NANOS || t > MAX_NANOS) {
            throw new InvalidInputException(name + " must be between " + MIN + " and " + MAX + " (epoch nanoseconds "
                    + MIN_NANOS + " to " + MAX_NANOS + "), was " + t);
        }
        return t;
    }

    public static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }

    /** True when the calendar is open at {@code t}. */
    public boolean isOpen(long t) {
        Block b = blockFor(t);
        int i = b.firstEndingAfter(t);
        return i < b.size() && b.starts[i] <= t;
    }

    /** The first open instant at or after {@code t}, or {@code Long.MIN_VALUE} if none within {@code horizon}. */
    public long nextOpening(long t, long horizon) {
        Block b = blockFor(t);
        while (true) {
            int i = b.firstEndingAfter(t);
            if (i < b.size()) {
                return Math.max(b.starts[i], t);
            }
            if (b.windowEnd > horizon) {
                return Long.MIN_VALUE;
            }
            t = b.windowEnd;
            b = next(b);
        }
    }

    /** The first closed instant at or after {@code t}, or {@code Long.MIN_VALUE} if none within {@code horizon}. */
    public long nextClosing(long t, long horizon) {
        Block b = blockFor(t);
        while (true) {
            int i = b.firstEndingAfter(t);
            if (i >= b.size() || b.starts[i] > t) {
                return t;
            }
            t = b.ends[i];
            if (t < b.windowEnd) {
                return t;
            }
            if (t > horizon) {
                return Long.MIN_VALUE;
            }
            b = next(b);
        }
    }

    /**
     * Open nanoseconds in {@code [from, to)}; requires {@code from <= to} and {@code to - from} to fit in a long, which
     * bounds the sum (callers split longer spans).
     */
    public long businessNanos(long from, long to) {
        Block b = blockFor(from);
        if (to < b.windowEnd) {
            return b.position(to) - b.position(from);
        }
        long sum = b.total - b.position(from);
        b = next(b);
        while (to >= b.windowEnd) {
            sum += b.total;
            b = next(b);
        }
        return sum + b.position(to);
    }

    /**
     * The earliest instant {@code x >= t} with {@code businessNanos(t, x) == amount}; {@link #STAYS_CLOSED} when the
     * calendar stays closed for longer than {@code maxClosed} on the way, {@link #AFTER_RANGE} when {@code x} would
     * lie after {@link #MAX}. {@code amount} must be positive; any positive long is safe.
     */
    public long deadline(long t, long amount, long maxClosed) {
        Block b = blockFor(t);
        long pos = b.position(t);
        long left = amount;
        long lastOpen = t;
        // What is left is compared with what the block still holds, never added to pos: pos + amount can overflow.
        while (left > b.total - pos) {
            left -= b.total - pos;
            pos = 0;
            if (b.total > 0) {
                lastOpen = b.windowEnd;
            } else if (b.windowEnd - lastOpen > maxClosed) {
                return STAYS_CLOSED;
            }
            if (b.windowEnd >= MAX_NANOS) {
                return AFTER_RANGE; // the answer lies in a later block, so after MAX; and no block is built past it
            }
            b = next(b);
        }
        long x = b.instantAtPosition(pos + left);
        return x > MAX_NANOS ? AFTER_RANGE : x;
    }

    /** Appends the open segments overlapping {@code [from, to)} as start/end pairs, joined across blocks. */
    public long[] segments(long from, long to) {
        if (from >= to) {
            // [from, to) is empty: no segment overlaps it. The loop below would clip one that contains from to the
            // empty pair (from, from), which is no period (OpenPeriod rejects it).
            return new long[0];
        }
        long[] out = new long[16];
        int n = 0;
        Block b = blockFor(from);
        while (true) {
            for (int i = b.firstEndingAfter(from); i < b.size() && b.starts[i] < to; i++) {
                long s = Math.max(b.starts[i], from);
                long e = Math.min(b.ends[i], to);
                if (n > 0 && out[n - 1] == s) {
                    out[n - 1] = e;
                } else {
                    if (n + 2 > out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[n++] = s;
                    out[n++] = e;
                }
            }
            if (b.windowEnd >= to) {
                return Arrays.copyOf(out, n);
            }
            b = next(b);
        }
    }

    private Block next(Block b) {
        return block(b.index + 1);
    }

    private Block blockFor(long t) {
        Block b = last;
        if (b != null && b.windowStart <= t && t < b.windowEnd) {
            return b;
        }
        long utcDay = Math.floorDiv(Math.floorDiv(t, NANOS), 86_400L);
        int index = (int) Math.floorDiv(utcDay - MIN_EPOCH_DAY, BLOCK_DAYS);
        b = block(index);
        while (t < b.windowStart) {
            b = block(b.index - 1);
        }
        while (t >= b.windowEnd) {
            b = block(b.index + 1);
        }
        last = b;
        return b;
    }

    private Block block(int index) {
        if (index < 0 || index >= blocks.length()) {
            throw new InvalidInputException("instant outside the supported range " + MIN + " .. " + MAX);
        }
        Block b = blocks.get(index);
        if (b == null) {
            b = build(index);
            blocks.compareAndSet(index, null, b);
        }
        return b;
    }

    private Block build(int index) {
        LocalDate first = LocalDate.ofEpochDay(MIN_EPOCH_DAY + (long) index * BLOCK_DAYS);
        LocalDate end = first.plusDays(BLOCK_DAYS);
        long windowStart = first.atStartOfDay(zone).toEpochSecond() * NANOS;
        long windowEnd = end.atStartOfDay(zone).toEpochSecond() * NANOS;
        long[] raw = new long[64];
        int n = 0;
        for (LocalDate d = first.minusDays(1); d.isBefore(end); d = d.plusDays(1)) {
            int[] iv = schedule.intervalsStartingOn(d);
            long dayLocal = d.toEpochDay() * 86_400L;
            for (int k = 0; k < iv.length; k += 2) {
                long ls = dayLocal + iv[k];
                long le = ls + iv[k + 1];
                long[] pre = preimage(ls, le);
                for (int p = 0; p < pre.length; p += 2) {
                    long s = Math.max(pre[p] * NANOS, windowStart);
                    long e = Math.min(pre[p + 1] * NANOS, windowEnd);
                    if (s < e) {
                        if (n + 2 > raw.length) {
                            raw = Arrays.copyOf(raw, raw.length * 2);
                        }
                        raw[n++] = s;
                        raw[n++] = e;
                    }
                }
            }
        }
        return new Block(index, windowStart, windowEnd, merge(raw, n));
    }

    /** Instants (epoch seconds) whose wall-clock time (local epoch seconds) lies in {@code [ls, le)}. */
    private long[] preimage(long ls, long le) {
        long[] out = new long[4];
        int n = 0;
        long pieceStart = ls - MAX_OFFSET_SECONDS;
        long stop = le + MAX_OFFSET_SECONDS;
        while (pieceStart < stop) {
            Instant at = Instant.ofEpochSecond(pieceStart);
            ZoneOffset offset = rules.getOffset(at);
            ZoneOffsetTransition next = rules.nextTransition(at);
            long pieceEnd = next == null ? Long.MAX_VALUE : next.toEpochSecond();
            long o = offset.getTotalSeconds();
            long s = Math.max(ls - o, pieceStart);
            long e = Math.min(le - o, pieceEnd);
            if (s < e) {
                if (n > 0 && out[n - 1] == s) {
                    out[n - 1] = e;
                } else {
                    if (n + 2 > out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[n++] = s;
                    out[n++] = e;
                }
            }
            pieceStart = pieceEnd;
        }
        return Arrays.copyOf(out, n);
    }

    private static long[] merge(long[] raw, int n) {
        int pairs = n / 2;
        long[][] segs = new long[pairs][];
        for (int i = 0; i < pairs; i++) {
            segs[i] = new long[] {raw[2 * i], raw[2 * i + 1]};
        }
        Arrays.sort(segs, (a, b) -> Long.compare(a[0], b[0]));
        long[] out = new long[n];
        int m = 0;
        for (long[] s : segs) {
            if (m > 0 && s[0] <= out[m - 1]) {
                out[m - 1] = Math.max(out[m - 1], s[1]);
            } else {
                out[m++] = s[0];
                out[m++] = s[1];
            }
        }
        return Arrays.copyOf(out, m);
    }

    /** The wall-clock local date-time of an instant, for callers that explain an answer. */
    public LocalDateTime localTime(long t) {
        return LocalDateTime.ofInstant(toInstant(t), zone);
    }

    private static final class Block {
        final int index;
        final long windowStart;
        final long windowEnd;
        final long[] starts;
        final long[] ends;
        /** cum[i] = open nanoseconds in the block before segment i; cum[size] = total. */
        final long[] cum;
        final long total;

        Block(int index, long windowStart, long windowEnd, long[] pairs) {
            this.index = index;
            this.windowStart = windowStart;
            this.windowEnd = windowEnd;
            int n = pairs.length / 2;
            starts = new long[n];
            ends = new long[n];
            cum = new long[n + 1];
            for (int i = 0; i < n; i++) {
                starts[i] = pairs[2 * i];
                ends[i] = pairs[2 * i + 1];
                cum[i + 1] = cum[i] + ends[i] - starts[i];
            }
            total = cum[n];
        }

        int size() {
            return starts.length;
        }

        /** Index of the first segment whose end is after t (size() if none). */
        int firstEndingAfter(long t) {
            int lo = 0;
            int hi = ends.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (ends[mid] <= t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Open nanoseconds in [windowStart, t), for t inside the window (or at its end). */
        long position(long t) {
            int i = firstEndingAfter(t);
            if (i < starts.length && starts[i] < t) {
                return cum[i] + (t - starts[i]);
            }
            return cum[i];
        }

        /** The earliest instant whose position equals target, 0 < target <= total. */
        long instantAtPosition(long target) {
            int lo = 0;
            int hi = starts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cum[mid + 1] < target) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return starts[lo] + (target - cum[lo]);
        }
    }
}
