package io.supportkit.core.timer;

import io.supportkit.time.VirtualClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stateful test: random sequences of schedule, cancel, discard and advance run against the wheel and against a
 * {@code TreeMap} model; after every step both agree on what fired (and in which order) and on what is pending.
 */
class TimerWheelModelProperties {
    private static final Instant START = Instant.parse("2026-03-29T00:00:00Z");
    private static final long TICK = 1_000_000L; // 1 ms

    sealed interface Op permits Schedule, Cancel, Discard, Advance, ScheduleFromTask, Burst, Churn {
    }

    /**
     * Schedules {@code n} timers {@code offset} to {@code offset + n} ns ahead, each cancelled right after the
     * next one is scheduled unless its index is a multiple of {@code keepEvery}: more cancelled entries than the
     * wheel's first arrays hold, so cancelled timers are reclaimed by compactions between the other steps. Timers
     * on the id path are discarded rather than cancelled, unchecked, so that discards wait in batches across
     * schedules and compactions.
     */
    record Churn(int n, int keepEvery, long offset) implements Op {
    }

    /**
     * Schedules {@code n} timers {@code offset} ahead and cancels every other one at once: enough cancels to
     * unlink them in batches between the other steps.
     */
    record Burst(int n, long offset) implements Op {
    }

    /** Schedules a timer {@code offset} nanoseconds after the current time (negative: already due). */
    record Schedule(long offset) implements Op {
    }

    /** Cancels the {@code pick}-th timer ever scheduled (modulo how many exist), pending or not. */
    record Cancel(int pick) implements Op {
    }

    /** Discards the {@code pick}-th timer ever scheduled (modulo how many exist), pending or not, unchecked. */
    record Discard(int pick) implements Op {
    }

    record Advance(long nanos) implements Op {
    }

    /** A timer whose task schedules another timer {@code childOffset} after its own deadline. */
    record ScheduleFromTask(long offset, long childOffset) implements Op {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Long> near = Arbitraries.longs().between(-5 * TICK, 200 * TICK);
        Arbitrary<Long> far = Arbitraries.longs().between(0, 3L * 86_400 * 1_000_000_000L);
        Arbitrary<Long> huge = Arbitraries.longs().between(0, 400L * 86_400 * 1_000_000_000L);
        Arbitrary<Long> offsets = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, near), net.jqwik.api.Tuple.of(3, far), net.jqwik.api.Tuple.of(1, huge));
        Arbitrary<Op> schedule = offsets.map(Schedule::new);
        Arbitrary<Op> cancel = Arbitraries.integers().between(0, 10_000).map(Cancel::new);
        Arbitrary<Op> discard = Arbitraries.integers().between(0, 10_000).map(Discard::new);
        Arbitrary<Op> advance = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 100 * TICK),
                Arbitraries.longs().between(0, 86_400L * 1_000_000_000L),
                Arbitraries.just(TICK), Arbitraries.just(TICK - 1), Arbitraries.just(0L)).map(Advance::new);
        Arbitrary<Op> fromTask = net.jqwik.api.Combinators.combine(near, Arbitraries.longs().between(0, 50 * TICK))
                .as(ScheduleFromTask::new);
        Arbitrary<Op> burst = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(1, 150), offsets)
                .as(Burst::new);
        Arbitrary<Op> churn = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(500, 3000),
                Arbitraries.integers().between(2, 20), offsets).as(Churn::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, burst), net.jqwik.api.Tuple.of(1, churn),
                net.jqwik.api.Tuple.of(5, schedule), net.jqwik.api.Tuple.of(2, cancel), net.jqwik.api.Tuple.of(1, discard),
                net.jqwik.api.Tuple.of(3, advance), net.jqwik.api.Tuple.of(1, fromTask)).list().ofMaxSize(300);
    }

    @Property(tries = 300)
    void shouldBehaveLikeASortedMap(@ForAll("ops") List<Op> ops) {
        VirtualClock clock = VirtualClock.at(START);
        TimerWheel wheel = TimerWheel.builder().clock(clock).tick(Duration.ofNanos(TICK)).build();
        TreeMap<Long, List<Integer>> model = new TreeMap<>(); // deadline (ns since START) -> ids
        Map<Integer, Long> modelDeadline = new HashMap<>();
        List<Timeout> handles = new ArrayList<>();
        List<Integer> fired = new ArrayList<>();
        List<Long> firedDeadlines = new ArrayList<>(); // effective ticks: max(deadline tick, tick when scheduled)
        long[] nowNanos = {0};
        childOffsets.clear();

        for (Op op : ops) {
            {
                if (op instanceof Schedule s) {
                    scheduleBoth(wheel, model, modelDeadline, handles, fired, firedDeadlines,
                        nowNanos[0] + s.offset(), null, nowNanos[0]);
                } else if (op instanceof ScheduleFromTask s) {
                    scheduleBoth(wheel, model, modelDeadline, handles, fired, firedDeadlines,
                        nowNanos[0] + s.offset(), s.childOffset(), nowNanos[0]);
                } else if (op instanceof Burst b) {
                    int firstId = handles.size();
                    for (int i = 0; i < b.n(); i++) {
                        scheduleBoth(wheel, model, modelDeadline, handles, fired, firedDeadlines,
                            nowNanos[0] + b.offset() + i, null, nowNanos[0]);
                    }
                    for (int i = 0; i < b.n(); i += 2) {
                        cancelBoth(model, modelDeadline, handles, firstId + i);
                    }
                } else if (op instanceof Churn c) {
                    int firstId = handles.size();
                    for (int i = 0; i < c.n(); i++) {
                        scheduleBoth(wheel, model, modelDeadline, handles, fired, firedDeadlines,
                            nowNanos[0] + c.offset() + i, null, nowNanos[0]);
                        if (i > 0 && (i - 1) % c.keepEvery() != 0) {
                            if (handles.get(firstId + i - 1) instanceof IdHandle) {
                                discardBoth(model, modelDeadline, handles, firstId + i - 1);
                            } else {
                                cancelBoth(model, modelDeadline, handles, firstId + i - 1);
                            }
                        }
                    }
                } else if (op instanceof Cancel c) {
                    if (!handles.isEmpty()) {
                        cancelBoth(model, modelDeadline, handles, c.pick() % handles.size());
                    }
                } else if (op instanceof Discard d) {
                    if (!handles.isEmpty()) {
                        discardBoth(model, modelDeadline, handles, d.pick() % handles.size());
                    }
                } else if (op instanceof Advance a) {
                    nowNanos[0] += a.nanos();
                    clock.set(START.plusNanos(nowNanos[0]));
                    long limit = Math.floorDiv(nowNanos[0], TICK) * TICK;
                    // the model fires everything due, including children scheduled by fired tasks that are due too
                    List<Integer> expected = new ArrayList<>();
                    while (!model.isEmpty() && model.firstKey() <= limit) {
                        Map.Entry<Long, List<Integer>> e = model.pollFirstEntry();
                        for (int id : e.getValue()) {
                            modelDeadline.remove(id);
                            expected.add(id);
                            Long child = childOffsets.get(id);
                            if (child != null) {
                                int childId = CHILD + id;
                                long cd = e.getKey() + child;
                                model.computeIfAbsent(cd, k -> new ArrayList<>()).add(childId);
                                modelDeadline.put(childId, cd);
                            }
                        }
                    }
                    fired.clear();
                    firedDeadlines.clear();
                    long count = wheel.advance();
                    assertThat(count).isEqualTo(expected.size());
                    assertThat(fired).containsExactlyInAnyOrderElementsOf(expected);
                    // in order at the wheel's resolution; within one tick, by deadline unless a task added a timer
                    assertThat(firedDeadlines).isSorted();
                }
            }
            assertThat(wheel.pending()).isEqualTo(modelDeadline.size());
        }
    }

    /** Takes timer {@code id} out of the model; returns its deadline, or null if it was not pending there. */
    private static Long removeFromModel(TreeMap<Long, List<Integer>> model, Map<Integer, Long> modelDeadline, int id) {
        Long d = modelDeadline.remove(id);
        if (d != null) {
            model.get(d).remove(Integer.valueOf(id));
            if (model.get(d).isEmpty()) {
                model.remove(d);
            }
        }
        return d;
    }

    private static void cancelBoth(TreeMap<Long, List<Integer>> model, Map<Integer, Long> modelDeadline,
                                   List<Timeout> handles, int id) {
        Long d = removeFromModel(model, modelDeadline, id);
        assertThat(handles.get(id).isPending()).as("pending %d", id).isEqualTo(d != null);
        assertThat(handles.get(id).cancel()).as("cancel %d", id).isEqualTo(d != null);
        assertThat(handles.get(id).isPending()).isFalse();
    }

    /** Discards through the id path (cancels a handle), checking nothing, so the wheel's discards stay unchecked. */
    private static void discardBoth(TreeMap<Long, List<Integer>> model, Map<Integer, Long> modelDeadline,
                                    List<Timeout> handles, int id) {
        Long d = removeFromModel(model, modelDeadline, id);
        if (handles.get(id) instanceof IdHandle h) {
            h.wheel().discardTimer(h.id());
        } else {
            handles.get(id).cancel();
        }
    }

    private final Map<Integer, Long> childOffsets = new HashMap<>();
    private static final int CHILD = 1_000_000;

    private void scheduleBoth(TimerWheel wheel, TreeMap<Long, List<Integer>> model, Map<Integer, Long> modelDeadline,
                              List<Timeout> handles, List<Integer> fired, List<Long> firedDeadlines, long deadline,
                              Long childOffset, long nowNanosAtSchedule) {
        int id = handles.size();
        if (childOffset != null) {
            childOffsets.put(id, childOffset);
        }
        long effectiveTick = Math.max(Math.floorDiv(deadline + TICK - 1, TICK), Math.floorDiv(nowNanosAtSchedule, TICK));
        Runnable task = task(wheel, handles, fired, firedDeadlines, id, deadline, effectiveTick);
        if (id % 2 == 0) {
            handles.add(wheel.schedule(START.plusNanos(deadline), task));
        } else {
            // every other timer through the id path; a cancel of a fired or cancelled one often meets a reused entry
            handles.add(new IdHandle(wheel, wheel.scheduleTimer(START.plusNanos(deadline), task)));
        }
        model.computeIfAbsent(deadline, k -> new ArrayList<>()).add(id);
        modelDeadline.put(id, deadline);
    }

    /** A {@link Timeout} over a raw timer id, so the model checks the id path with the same assertions. */
    private record IdHandle(TimerWheel wheel, long id) implements Timeout {
        @Override
        public boolean cancel() {
            return wheel.cancelTimer(id);
        }

        @Override
        public boolean isPending() {
            return wheel.isPending(id);
        }

        @Override
        public Instant deadline() {
            throw new UnsupportedOperationException("not used by the model");
        }
    }

    private Runnable task(TimerWheel wheel, List<Timeout> handles, List<Integer> fired, List<Long> firedDeadlines,
                          int id, long deadline, long effectiveTick) {
        return () -> {
            fired.add(id);
            firedDeadlines.add(effectiveTick);
            Long child = childOffsets.get(id);
            if (child != null) {
                long cd = deadline + child;
                long childTick = Math.max(Math.floorDiv(cd + TICK - 1, TICK), effectiveTick);
                wheel.schedule(START.plusNanos(cd), task(wheel, handles, fired, firedDeadlines, CHILD + id, cd, childTick));
            }
        };
    }
}
