package io.supportkit.core.sla;

import io.supportkit.SupportException;
import io.supportkit.core.calendar.BusinessCalendar;
import io.supportkit.core.sla.spi.EscalationHandler;
import io.supportkit.core.timer.TimerWheel;
import io.supportkit.storage.Priority;
import io.supportkit.time.VirtualClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Each input is all or nothing: two trackers get the same valid inputs at the same instants, with their clocks and
 * wheels advanced alike in between; tracker A also gets invalid inputs (and invalid restores and ids) interleaved.
 * Every invalid one must be a typed {@link SupportException}, and afterwards A and B must be indistinguishable:
 * snapshots, reported events and escalations in order, pending timers and the wheel's next wake-up.
 */
class SlaTrackerRejectionProperties {
    private static final Instant FIRST = Instant.parse("1700-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2260-01-01T00:00:00Z");
    /** The last supported instant: valid inputs are held at or before it. */
    private static final Instant LAST = END.minusNanos(1);

    /** Split shifts on weekdays, and a Saturday night shift that runs into Sunday. */
    private static final BusinessCalendar BERLIN = BusinessCalendar.builder("berlin", ZoneId.of("Europe/Berlin"))
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "08:00-12:00", "13:00-17:30")
            .open(DayOfWeek.SATURDAY, "22:00-04:00")
            .build();

    /** Email: business time, warnings at 50 % and 80 % and 10 minutes before, escalations, reassign after 30 min. */
    private static final SlaPolicy BUSINESS = SlaPolicy.builder("business")
            .when(SlaCondition.builder().channels("email").build())
            .calendar(BERLIN)
            .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(2), TimeBasis.BUSINESS)
            .target(SlaMetric.FIRST_RESPONSE, Priority.URGENT, Duration.ofMinutes(20), TimeBasis.CALENDAR)
            .target(SlaMetric.NEXT_RESPONSE, Duration.ofHours(1), TimeBasis.BUSINESS)
            .target(SlaMetric.PERIODIC_UPDATE, Duration.ofHours(6), TimeBasis.CALENDAR)
            .target(SlaMetric.PAUSABLE_UPDATE, Duration.ofHours(3), TimeBasis.BUSINESS)
            .target(SlaMetric.REQUESTER_WAIT, Duration.ofHours(10), TimeBasis.BUSINESS)
            .target(SlaMetric.AGENT_WORK, Duration.ofHours(6), TimeBasis.BUSINESS)
            .target(SlaMetric.TOTAL_RESOLUTION, Duration.ofHours(16), TimeBasis.BUSINESS)
            .warnAtFraction(0.5)
            .warnAtFraction(0.8)
            .warnBefore(Duration.ofMinutes(10))
            .onWarning(EscalationAction.notifySupervisor("lead"))
            .onBreach(EscalationAction.raisePriority(), EscalationAction.reroute("tier-2"))
            .onBreach(SlaMetric.FIRST_RESPONSE, EscalationAction.raisePriorityTo(Priority.URGENT))
            .reassignIfNoReplyWithin(Duration.ofMinutes(30))
            .countBotReplies(true)
            .build();

    /** Chat: calendar time, short targets, internal notes count as replies, reassign after 5 minutes. */
    private static final SlaPolicy CALENDAR = SlaPolicy.builder("calendar")
            .when(SlaCondition.builder().channels("chat").build())
            .target(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(10), TimeBasis.CALENDAR)
            .target(SlaMetric.NEXT_RESPONSE, Duration.ofMinutes(5), TimeBasis.CALENDAR)
            .target(SlaMetric.PAUSABLE_UPDATE, Duration.ofMinutes(30), TimeBasis.CALENDAR)
            .target(SlaMetric.REQUESTER_WAIT, Duration.ofHours(2), TimeBasis.CALENDAR)
            .target(SlaMetric.TOTAL_RESOLUTION, Duration.ofHours(8), TimeBasis.CALENDAR)
            .runningIn(SlaMetric.TOTAL_RESOLUTION, SlaStatus.NEW, SlaStatus.OPEN, SlaStatus.ON_HOLD)
            .warnAtFraction(0.5)
            .warnAtFraction(0.8)
            .onWarning(SlaMetric.FIRST_RESPONSE, EscalationAction.notifySupervisor("chat-lead"))
            .onBreach(EscalationAction.raisePriority(), EscalationAction.notifySupervisor("chat-lead"))
            .reassignIfNoReplyWithin(Duration.ofMinutes(5))
            .countInternalNotes(true)
            .build();

    /** Channel "sms" matches no policy: the clocks still measure, without targets. */
    private static final SlaPolicies POLICIES = SlaPolicies.of(BUSINESS, CALENDAR);

    private static final String[] CHANNELS = {"email", "email", "chat", "chat", "sms"};
    private static final String[] IDS = {"s0", "s1", "s2", "s3"};
    private static final String[] MALFORMED = {"", " ", "\t", "a\nb", "\ud800", "x\udc00y", "x".repeat(129)};
    private static final Instant[] OUT_OF_RANGE = {Instant.MIN, Instant.parse("-1000000000-01-01T00:00:00Z"),
            Instant.parse("1600-01-01T00:00:00Z"), FIRST.minusNanos(1), END, END.plusNanos(1),
            Instant.parse("2300-01-01T00:00:00Z"), Instant.MAX};
    private static final Duration[] BACKWARDS = {Duration.ofNanos(1), Duration.ofMillis(1), Duration.ofSeconds(1),
            Duration.ofMinutes(7), Duration.ofHours(5), Duration.ofDays(3), Duration.ofDays(400 * 365)};

    enum Kind {
        // valid
        CREATE, UPDATE, STATUS, CUSTOMER, AGENT_REPLY, BOT_REPLY, NOTE, ASSIGN, UNASSIGN, ADVANCE,
        // invalid, to tracker A only
        OLDER, OUT_OF_RANGE, UNKNOWN, CREATED_TWICE, NULL_INPUT, BAD_RESTORE, MALFORMED;

        boolean invalid() {
            return ordinal() >= OLDER.ordinal();
        }
    }

    /** One step; {@code v1} and {@code v2} pick the details (status, agent, channel, variant) when it runs. */
    record Step(Kind kind, int who, long gapNanos, int v1, int v2) {
    }

    /**
     * @param reentrantEvery when positive, A's listener gives A an invalid input on every so many events (while A
     *                       dispatches, between timers of one advance), as a host reacting to an event might
     * @param feedBack whether both hosts apply a raised priority and feed it back as an update, as the
     *                 escalation handler's contract says a host does
     */
    record Start(Instant at, List<Step> steps, int reentrantEvery, boolean feedBack) {
    }

    @Provide
    Arbitrary<Start> runs() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Kind.CREATE)),
                Tuple.of(3, Arbitraries.just(Kind.UPDATE)),
                Tuple.of(12, Arbitraries.just(Kind.STATUS)),
                Tuple.of(10, Arbitraries.just(Kind.CUSTOMER)),
                Tuple.of(8, Arbitraries.just(Kind.AGENT_REPLY)),
                Tuple.of(2, Arbitraries.just(Kind.BOT_REPLY)),
                Tuple.of(2, Arbitraries.just(Kind.NOTE)),
                Tuple.of(6, Arbitraries.just(Kind.ASSIGN)),
                Tuple.of(2, Arbitraries.just(Kind.UNASSIGN)),
                Tuple.of(8, Arbitraries.just(Kind.ADVANCE)),
                Tuple.of(5, Arbitraries.just(Kind.OLDER)),
                Tuple.of(4, Arbitraries.just(Kind.OUT_OF_RANGE)),
                Tuple.of(3, Arbitraries.just(Kind.UNKNOWN)),
                Tuple.of(3, Arbitraries.just(Kind.CREATED_TWICE)),
                Tuple.of(1, Arbitraries.just(Kind.NULL_INPUT)),
                Tuple.of(3, Arbitraries.just(Kind.BAD_RESTORE)),
                Tuple.of(1, Arbitraries.just(Kind.MALFORMED)));
        Arbitrary<Long> gaps = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0L)),
                Tuple.of(3, Arbitraries.longs().between(1, 120).map(s -> s * 1_000_000_000L)),
                Tuple.of(6, Arbitraries.longs().between(1, 90).map(m -> Duration.ofMinutes(m).toNanos())),
                Tuple.of(4, Arbitraries.longs().between(1, 30).map(h -> Duration.ofHours(h).toNanos())),
                Tuple.of(1, Arbitraries.longs().between(1, 5).map(d -> Duration.ofDays(d).toNanos())),
                Tuple.of(1, Arbitraries.longs().between(1, 1_000_000_000L)));
        Arbitrary<Step> steps = Combinators.combine(kinds, Arbitraries.integers().between(0, IDS.length - 1), gaps,
                Arbitraries.integers().between(0, 999), Arbitraries.integers().between(0, 999)).as(Step::new);
        Arbitrary<Instant> starts = Arbitraries.frequencyOf(
                // a Friday morning in Berlin before the change to summer time
                Tuple.of(6, Arbitraries.just(Instant.parse("2026-03-27T06:00:00Z"))),
                Tuple.of(3, Arbitraries.longs().between(0, 365L * 24 * 60)
                        .map(m -> Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(m)))),
                // the ends of the supported range
                Tuple.of(1, Arbitraries.just(FIRST)),
                Tuple.of(1, Arbitraries.longs().between(0, 2 * 24 * 60 - 1)
                        .map(m -> Instant.parse("2259-12-30T00:00:00Z").plus(Duration.ofMinutes(m)))));
        Arbitrary<Integer> reentrant = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(1, 7)));
        return Combinators.combine(starts, steps.list().ofMinSize(5).ofMaxSize(60), reentrant,
                Arbitraries.of(false, true)).as(Start::new);
    }

    /** One tracker with its own clock, wheel, and lists of what it reported. */
    static final class Side {
        final VirtualClock clock;
        final TimerWheel wheel;
        final SlaTracker tracker;
        final List<SlaEvent> events = new ArrayList<>();
        final List<String> escalations = new ArrayList<>();
        /** Called after each event is recorded. */
        Consumer<SlaEvent> hook = e -> { };
        /** The subject as the host last described it, for feeding a raised priority back. */
        final Map<String, SlaSubject> current = new HashMap<>();
        boolean feedBack;
        /** What a fed-back update threw (a subject closed by the same input is a NotFoundException on both sides). */
        final List<String> feedBackOutcomes = new ArrayList<>();

        Side(Instant start) {
            clock = VirtualClock.at(start);
            wheel = TimerWheel.builder().clock(clock).tick(Duration.ofMillis(1)).build();
            tracker = SlaTracker.builder().policies(POLICIES).timers(wheel).listener(e -> {
                        events.add(e);
                        hook.accept(e);
                    })
                    .escalations(new EscalationHandler() {
                        @Override
                        public void raisePriority(String subjectId, Priority from, Priority to, SlaEvent cause) {
                            escalations.add("raise " + subjectId + " " + from + "->" + to + " on " + cause);
                            if (feedBack && current.containsKey(subjectId)) {
                                SlaSubject raised = current.get(subjectId).withPriority(to);
                                try {
                                    tracker.on(SlaInput.updated(raised, clock.instant()));
                                    current.put(subjectId, raised);
                                    feedBackOutcomes.add("applied");
                                } catch (Throwable e) {
                                    feedBackOutcomes.add(e.getClass().getSimpleName());
                                }
                            }
                        }

                        @Override
                        public void reroute(String subjectId, String queue, SlaEvent cause) {
                            escalations.add("reroute " + subjectId + " to " + queue + " on " + cause);
                        }

                        @Override
                        public void notifySupervisor(String subjectId, String supervisorId, SlaEvent cause) {
                            escalations.add("notify " + supervisorId + " about " + subjectId + " on " + cause);
                        }

                        @Override
                        public void returnToRouting(String subjectId, String agentId, Duration waited) {
                            escalations.add("return " + subjectId + " from " + agentId + " after " + waited);
                        }
                    }).build();
        }

        /** Moves the clock to {@code t} and fires what fell due; the number of events the timers reported. */
        int advanceTo(Instant t) {
            int before = events.size();
            clock.set(t);
            wheel.advance();
            return events.size() - before;
        }
    }

    /** What the test knows of the subjects, from the valid inputs only. */
    private final Map<String, Instant> lastInput = new HashMap<>();
    private final Set<String> everClosed = new LinkedHashSet<>();

    @Property(tries = 300)
    void anInvalidInputShouldChangeNothing(@ForAll("runs") Start run) {
        lastInput.clear();
        everClosed.clear();
        Side a = new Side(run.at());
        Side b = new Side(run.at());
        List<String> reentrantFailures = new ArrayList<>();
        a.feedBack = run.feedBack();
        b.feedBack = run.feedBack();
        if (run.reentrantEvery() > 0) {
            int[] seen = {0};
            a.hook = e -> {
                if (++seen[0] % run.reentrantEvery() == 0) {
                    reentrantInvalid(a, e, seen[0], reentrantFailures);
                }
            };
        }
        Instant now = run.at();
        int ghosts = 0;
        for (Step step : run.steps()) {
            Statistics.label("steps").collect(step.kind().invalid() ? "invalid" : "valid");
            if (step.kind().invalid()) {
                String what = invalid(a, step, now, ghosts++);
                Statistics.label("invalid").collect(step.kind());
                assertIndistinguishable(a, b, "after invalid " + step + ": " + what);
                continue;
            }
            Instant next = now.plusNanos(step.gapNanos()).isAfter(LAST) ? LAST : now.plusNanos(step.gapNanos());
            if (next.isAfter(now)) {
                int fired = a.advanceTo(next);
                b.advanceTo(next);
                Statistics.label("timer events per advance").collect(fired == 0 ? "0" : fired < 4 ? "1-3" : "4+");
                now = next;
            }
            Optional<SlaInput> input = valid(b, step, now);
            if (input.isEmpty()) {
                Statistics.label("valid").collect(Kind.ADVANCE);
            } else {
                SlaInput in = input.get();
                Statistics.label("valid").collect(in instanceof SlaInput.StatusChanged sc
                        ? "STATUS " + sc.status() : in.getClass().getSimpleName());
                if (in instanceof SlaInput.Created c) {
                    a.current.put(c.subjectId(), c.subject());
                    b.current.put(c.subjectId(), c.subject());
                } else if (in instanceof SlaInput.Updated u) {
                    a.current.put(u.subjectId(), u.subject());
                    b.current.put(u.subjectId(), u.subject());
                }
                a.tracker.on(in);
                b.tracker.on(in);
                lastInput.put(in.subjectId(), in.at());
                if (in instanceof SlaInput.StatusChanged sc && sc.status() == SlaStatus.CLOSED) {
                    lastInput.remove(in.subjectId());
                    everClosed.add(in.subjectId());
                }
            }
            assertIndistinguishable(a, b, "after valid " + step);
        }
        Statistics.label("clock reached the last supported instant").collect(now.equals(LAST));
        // let everything still pending fall due
        Instant end = now.plus(Duration.ofDays(20)).isBefore(LAST) ? now.plus(Duration.ofDays(20)) : LAST;
        a.advanceTo(end);
        b.advanceTo(end);
        assertIndistinguishable(a, b, "at the end");
        assertThat(reentrantFailures).as("invalid inputs given from A's listener").isEmpty();
        assertThat(a.feedBackOutcomes).as("raised priorities fed back").isEqualTo(b.feedBackOutcomes)
                .allMatch(o -> o.equals("applied") || o.equals("NotFoundException"));
        b.feedBackOutcomes.forEach(o -> Statistics.label("raised priority fed back").collect(o));
        for (SlaEvent e : b.events) {
            Statistics.label("events").collect(e.getClass().getSimpleName());
        }
        Statistics.label("start").collect(run.at().isBefore(Instant.parse("2000-01-01T00:00:00Z")) ? "1700"
                : run.at().isAfter(Instant.parse("2200-01-01T00:00:00Z")) ? "2259" : "2026");
    }

    // ---------------------------------------------------------------- valid inputs

    private static SlaSubject subject(String id, Step step) {
        Priority p = Priority.values()[step.v2() % Priority.values().length];
        SlaSubject.Builder b = SlaSubject.builder(id, p).channel(CHANNELS[step.v1() % CHANNELS.length]);
        if (step.v2() % 3 == 0) {
            b.tags(Set.of("billing")).customerTier("vip");
        }
        return b.build();
    }

    /** The step as a valid input at {@code now} (a subject not tracked is created), or empty for a bare advance. */
    private Optional<SlaInput> valid(Side b, Step step, Instant now) {
        String id = IDS[step.who()];
        boolean tracked = b.tracker.snapshot(id).isPresent();
        assertThat(tracked).isEqualTo(lastInput.containsKey(id));
        if (step.kind() == Kind.ADVANCE) {
            return Optional.empty();
        }
        if (!tracked) {
            return Optional.of(SlaInput.created(subject(id, step), now));
        }
        String agent = "agent-" + step.v2() % 3;
        return Optional.of(switch (step.kind()) {
            case CREATE, UPDATE -> SlaInput.updated(subject(id, step), now);
            case STATUS -> SlaInput.statusChanged(id, status(step.v1()), now);
            case CUSTOMER -> SlaInput.customerMessage(id, now);
            case AGENT_REPLY -> SlaInput.agentReply(id, agent, now);
            case BOT_REPLY -> SlaInput.botReply(id, now);
            case NOTE -> SlaInput.internalNote(id, agent, now);
            case ASSIGN -> SlaInput.assigned(id, agent, now);
            case UNASSIGN -> SlaInput.unassigned(id, now);
            default -> throw new AssertionError(step);
        });
    }

    /** Pauses and solving often, closing (which forgets the subject) now and then. */
    private static SlaStatus status(int v) {
        int r = v % 20;
        if (r < 5) {
            return SlaStatus.OPEN;
        } else if (r < 9) {
            return SlaStatus.PENDING;
        } else if (r < 12) {
            return SlaStatus.ON_HOLD;
        } else if (r < 16) {
            return SlaStatus.SOLVED;
        } else if (r < 18) {
            return SlaStatus.NEW;
        }
        return SlaStatus.CLOSED;
    }

    // ---------------------------------------------------------------- invalid inputs

    /** Any input but Created for {@code id} at {@code at}. */
    private static SlaInput anyInput(String id, Instant at, Step step) {
        return switch (step.v2() % 9) {
            case 0 -> SlaInput.updated(subject(id, step), at);
            case 1 -> SlaInput.statusChanged(id, status(step.v1()), at);
            case 2 -> SlaInput.customerMessage(id, at);
            case 3 -> SlaInput.agentReply(id, "agent-x", at);
            case 4 -> SlaInput.botReply(id, at);
            case 5 -> SlaInput.internalNote(id, "agent-x", at);
            case 6 -> SlaInput.assigned(id, "agent-x", at);
            case 7 -> SlaInput.unassigned(id, at);
            default -> SlaInput.statusChanged(id, SlaStatus.CLOSED, at);
        };
    }

    private String trackedId(Step step) {
        List<String> ids = new ArrayList<>(lastInput.keySet());
        ids.sort(null);
        return ids.isEmpty() ? null : ids.get(step.who() % ids.size());
    }

    /** A subject id that is not tracked: one never seen, or one that was closed and not created again. */
    private String untrackedId(Step step, int n) {
        List<String> closed = everClosed.stream().filter(id -> !lastInput.containsKey(id)).toList();
        if (!closed.isEmpty() && step.v1() % 2 == 0) {
            return closed.get(step.v1() % closed.size());
        }
        return "ghost-" + n;
    }

    /** Gives A one invalid input or call, which must be rejected with a typed exception; says what it was. */
    private String invalid(Side a, Step step, Instant now, int n) {
        String tracked = trackedId(step);
        switch (step.kind()) {
            case OLDER -> {
                if (tracked == null) {
                    Statistics.label("older").collect("nothing tracked: unknown subject instead");
                    return rejected(a, anyInput(untrackedId(step, n), now, step));
                }
                Statistics.label("older").collect(lastInput.get(tracked).isBefore(now)
                        ? "than an earlier last input" : "than the last input at the current instant");
                Instant at = lastInput.get(tracked).minus(BACKWARDS[step.v1() % BACKWARDS.length]);
                if (at.isBefore(FIRST)) {
                    at = FIRST.isBefore(lastInput.get(tracked)) ? FIRST : FIRST.minusNanos(1);
                }
                return rejected(a, anyInput(tracked, at, step));
            }
            case OUT_OF_RANGE -> {
                Instant at = OUT_OF_RANGE[step.v1() % OUT_OF_RANGE.length];
                String id = tracked != null && step.v2() % 2 == 0 ? tracked : untrackedId(step, n);
                return rejected(a, step.v2() % 3 == 0 ? SlaInput.created(subject(id, step), at)
                        : anyInput(id, at, step));
            }
            case UNKNOWN -> {
                return rejected(a, anyInput(untrackedId(step, n), now, step));
            }
            case CREATED_TWICE -> {
                if (tracked == null) {
                    return rejected(a, anyInput(untrackedId(step, n), now, step));
                }
                Instant at = switch (step.v1() % 3) {
                    case 0 -> now;
                    case 1 -> lastInput.get(tracked);
                    default -> lastInput.get(tracked).minusSeconds(1).isBefore(FIRST) ? FIRST
                            : lastInput.get(tracked).minusSeconds(1);
                };
                return rejected(a, SlaInput.created(subject(tracked, step), at));
            }
            case NULL_INPUT -> {
                return reject(() -> a.tracker.on(null), "on(null)");
            }
            case BAD_RESTORE -> {
                return badRestore(a, step, now, tracked, untrackedId(step, n));
            }
            case MALFORMED -> {
                String bad = MALFORMED[step.v1() % MALFORMED.length];
                String target = tracked == null ? "s0" : tracked;
                List<Runnable> calls = List.of(
                        () -> a.tracker.snapshot(bad),
                        () -> a.tracker.forget(bad),
                        () -> a.tracker.snapshot(null),
                        () -> a.tracker.forget(null),
                        () -> a.tracker.on(anyInput(bad, now, step)),
                        () -> a.tracker.on(SlaInput.created(SlaSubject.builder(bad, Priority.LOW).build(), now)),
                        () -> a.tracker.on(SlaInput.agentReply(target, bad, now)),
                        () -> a.tracker.on(SlaInput.assigned(target, bad, now)),
                        () -> a.tracker.on(SlaInput.updated(SlaSubject.builder(target, Priority.HIGH)
                                .channel(bad).build(), now)),
                        () -> a.tracker.on(SlaInput.updated(SlaSubject.builder(target, Priority.HIGH)
                                .tags(Set.of("ok", bad)).build(), now)),
                        () -> a.tracker.on(SlaInput.statusChanged(target, null, now)),
                        () -> a.tracker.on(SlaInput.customerMessage(target, null)),
                        () -> a.tracker.on(SlaInput.updated(SlaSubject.builder(target, null).build(), now)),
                        () -> a.tracker.on(SlaInput.updated(null, now)));
                int i = step.v2() % calls.size();
                return reject(calls.get(i), "malformed call " + i + " with " + Arrays.toString(bad.toCharArray()));
            }
            default -> throw new AssertionError(step);
        }
    }

    private String badRestore(Side a, Step step, Instant now, String tracked, String untracked) {
        String id = untracked;
        Instant t = now.minus(Duration.ofHours(3)).isBefore(FIRST) ? FIRST : now.minus(Duration.ofHours(3));
        SlaInput created = SlaInput.created(subject(id, step), t);
        List<SlaInput> history = switch (step.v1() % 9) {
            case 0 -> null;
            case 1 -> List.of();
            case 2 -> List.of(SlaInput.customerMessage(id, t), SlaInput.agentReply(id, "a", t));
            // a history that creates twice, or one of a subject already tracked
            case 3 -> tracked == null ? List.of(created, created)
                    : List.of(SlaInput.created(subject(tracked, step), t), SlaInput.customerMessage(tracked, now));
            case 4 -> List.of(created, SlaInput.customerMessage(id, t.plusSeconds(1)), SlaInput.agentReply(id, "a", t));
            case 5 -> List.of(created, SlaInput.customerMessage(tracked == null ? "other" : tracked, now));
            case 6 -> List.of(created, SlaInput.customerMessage(id, now), SlaInput.created(subject(id, step), now));
            case 7 -> List.of(created, SlaInput.customerMessage(id, OUT_OF_RANGE[step.v2() % OUT_OF_RANGE.length]));
            default -> Arrays.asList(created, null);
        };
        return reject(() -> a.tracker.restore(history), "restore " + history);
    }

    /**
     * From A's listener, while A dispatches: an input older than the event's subject's last input, or out of range.
     * The subject's last input is at least the test's record of it (that lags behind the input being applied) and
     * at least the instant of any event it reports from an input; a subject created by the input being applied has
     * no record yet, and its events are not before its creation.
     */
    private void reentrantInvalid(Side a, SlaEvent e, int n, List<String> failures) {
        String id = e.subjectId();
        Instant last = lastInput.get(id);
        Instant bound = last == null || e.at().isBefore(last) ? e.at() : last;
        Step step = new Step(Kind.OLDER, 0, 0, n * 7, n * 13);
        SlaInput input = switch (n % 4) {
            case 0 -> SlaInput.created(subject(id, step), OUT_OF_RANGE[n % OUT_OF_RANGE.length]);
            case 1 -> anyInput(id, OUT_OF_RANGE[n % OUT_OF_RANGE.length], step);
            default -> anyInput(id, bound.minus(BACKWARDS[n % BACKWARDS.length]), step);
        };
        try {
            a.tracker.on(input);
            failures.add("accepted " + input + " on " + e);
        } catch (SupportException ex) {
            Statistics.label("rejected from the listener").collect(ex.getClass().getSimpleName());
        } catch (Throwable ex) {
            failures.add(input + " on " + e + " threw " + ex);
        }
    }

    private static String rejected(Side a, SlaInput input) {
        return reject(() -> a.tracker.on(input), "on(" + input + ")");
    }

    /** Runs a call that must be rejected with a typed exception, and nothing else. */
    private static String reject(Runnable call, String what) {
        try {
            call.run();
        } catch (SupportException e) {
            Statistics.label("rejected with").collect(e.getClass().getSimpleName());
            return what + " -> " + e;
        } catch (Throwable e) {
            throw new AssertionError(what + " threw " + e + ", not a SupportException", e);
        }
        fail(what + " was accepted");
        return what;
    }

    // ---------------------------------------------------------------- comparison

    private void assertIndistinguishable(Side a, Side b, String when) {
        assertThat(a.clock.instant()).isEqualTo(b.clock.instant());
        Set<String> ids = new LinkedHashSet<>(List.of(IDS));
        ids.addAll(everClosed);
        for (String id : ids) {
            assertThat(a.tracker.snapshot(id)).as("snapshot of %s %s", id, when).isEqualTo(b.tracker.snapshot(id));
        }
        assertThat(a.tracker.size()).as("size %s", when).isEqualTo(b.tracker.size());
        assertThat(a.events).as("events %s", when).containsExactlyElementsOf(b.events);
        assertThat(a.escalations).as("escalations %s", when).containsExactlyElementsOf(b.escalations);
        assertThat(a.wheel.pending()).as("pending timers %s", when).isEqualTo(b.wheel.pending());
        assertThat(a.wheel.nextWakeUp()).as("next wake-up %s", when).isEqualTo(b.wheel.nextWakeUp());
    }
}
