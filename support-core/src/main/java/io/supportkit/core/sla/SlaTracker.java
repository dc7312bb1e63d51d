package io.supportkit.core.sla;

import io.supportkit.storage.Priority;
import io.supportkit.ConfigurationException;
import io.supportkit.ConflictException;
import io.supportkit.InvalidInputException;
import io.supportkit.NotFoundException;
import io.supportkit.core.calendar.BusinessCalendar;
import io.supportkit.core.calendar.internal.SegmentTimeline;
import io.supportkit.core.sla.SlaSnapshot.ClockState;
import io.supportkit.core.sla.SlaSnapshot.MetricState;
import io.supportkit.core.sla.spi.EscalationHandler;
import io.supportkit.core.sla.spi.SlaListener;
import io.supportkit.core.sla.spi.SlaProgressStore;
import io.supportkit.core.timer.TimerWheel;
import io.supportkit.internal.Require;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SLA clocks of every open ticket or conversation. The engine feeds what happens ({@link #on(SlaInput)});
 * the tracker picks the policy, runs one clock per metric, pauses and resumes them with the status, schedules
 * warnings and breaches on the {@link TimerWheel}, and reports {@link SlaEvent}s and escalations.
 *
 * <p>Deterministic: every event carries the exact instant it happened, computed from the inputs' times and the
 * policy calendar, whether it was noticed by a timer or caught up by a later input. With a {@code VirtualClock}
 * a day of traffic replays in milliseconds with the same events.
 *
 * <p>Restarts: with a {@link SlaProgressStore} the tracker remembers per subject up to which instant it reported
 * events; after a restart, {@link #restore} rebuilds a subject from its inputs and reports only what was not
 * reported before (a breach that fell due while no process ran is reported once, at its own instant, at the next
 * advance of the wheel).
 *
 * <p>Thread-safe: inputs for different subjects run in parallel; inputs for one subject are serialised and must
 * come in time order (an input older than the previous input of that subject is rejected). Listeners and the
 * escalation handler are called after the subject's lock is released.
 *
 * <p>Supported instants: years 1700 to 2259 (from {@code 1700-01-01T00:00:00Z}, up to but excluding
 * {@code 2260-01-01T00:00:00Z}), the range of {@link BusinessCalendar}. An input or restored history with an instant
 * outside it is an {@link InvalidInputException} that changes nothing. Elapsed times are counted in nanoseconds and
 * saturate at {@code Long.MAX_VALUE} (about 292 years), far above the longest target (3650 days). A warning, breach
 * or reassign that would fall due at or after the end of the range is not scheduled.
 *
 * <p>Each input is applied all or nothing: every check comes before the first change, so a rejected input leaves the
 * subject exactly as it was, and the wheel is touched only once the input's effect is complete.
 *
 * <pre>{@code
 * SlaTracker tracker = SlaTracker.builder()
 *         .policies(SlaPolicies.of(vipPolicy, defaultPolicy))
 *         .timers(wheel)
 *         .listener(event -> log.info("{}", event))
 *         .escalations(handler)
 *         .build();
 * tracker.on(SlaInput.created(subject, clock.instant()));
 * tracker.on(SlaInput.agentReply(subject.id(), "agent-7", clock.instant()));
 * }</pre>
 */
public final class SlaTracker {
    private static final Logger LOG = LoggerFactory.getLogger(SlaTracker.class);
    private static final BusinessCalendar ALWAYS = BusinessCalendar.alwaysOpen("always-open", ZoneOffset.UTC);
    private static final SlaMetric[] METRICS = SlaMetric.values();
    /**
     * The supported range is the calendars' ({@link SegmentTimeline}), so that every business-time question on an
     * input's time is valid; for inputs the end is excluded.
     */
    private static final Instant FIRST_INSTANT = SegmentTimeline.MIN;
    private static final Instant END_INSTANT = SegmentTimeline.MAX;
    /** The longest calendar span whose nanoseconds fit a long; longer spans saturate. */
    private static final Duration MAX_NANOS = Duration.ofNanos(Long.MAX_VALUE);

    private final SlaPolicies policies;
    private final TimerWheel wheel;
    private final InstantSource clock;
    private final List<SlaListener> listeners;
    private final EscalationHandler escalations;
    /** Null when the host keeps no marks: then nothing is saved, and a restore trusts the last input's time. */
    private final SlaProgressStore progress;
    private final ConcurrentHashMap<String, Subject> subjects = new ConcurrentHashMap<>();

    private SlaTracker(Builder b) {
        this.policies = b.policies;
        this.wheel = b.wheel;
        this.clock = b.wheel.clock();
        this.listeners = List.copyOf(b.listeners);
        this.escalations = b.escalations;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Number of subjects being tracked. */
    public int size() {
        return subjects.size();
    }

    /**
     * Applies one input. {@link SlaInput.Created} starts tracking (a subject already tracked is a
     * {@link ConflictException}); any other input for an unknown subject is a {@link NotFoundException}; a
     * {@code CLOSED} status stops tracking.
     */
    public void on(SlaInput input) {
        Require.nonNull(input, "input");
        requireSupported(input.at(), "input for " + Require.quote(input.subjectId()));
        List<Emission> out = new ArrayList<>();
        Subject s;
        Instant reported;
        if (input instanceof SlaInput.Created c) {
            s = new Subject(c.subject(), c.at());
            synchronized (s) { // taken before the subject is visible: no input sees it half built
                created(s, c.at(), out); // computed while invisible: if it fails, nothing was tracked
                if (subjects.putIfAbsent(s.id, s) != null) {
                    throw new ConflictException("subject " + Require.quote(s.id) + " is already tracked");
                }
                commit(s);
                reported = s.gone ? null : s.horizon;
            }
        } else {
            s = subjects.get(input.subjectId());
            if (s == null) {
                throw new NotFoundException("subject " + Require.quote(input.subjectId()) + " is not tracked");
            }
            synchronized (s) {
                if (s.gone) {
                    throw new NotFoundException("subject " + Require.quote(input.subjectId()) + " is not tracked");
                }
                if (input.at().isBefore(s.lastInput)) {
                    throw new InvalidInputException("input for " + Require.quote(s.id) + " at " + input.at()
                            + " is older than the previous input at " + s.lastInput);
                }
                step(s, input, out); // every rejection happened above: from here on nothing throws
                commit(s);
                reported = s.gone ? null : s.horizon;
            }
        }
        dispatch(out);
        saveProgress(s, reported);
    }

    /**
     * Rebuilds one subject after a restart from its inputs, oldest first (the first one {@link SlaInput.Created}),
     * and reports only the events that were not reported before: those after the subject's mark in the
     * {@link SlaProgressStore}, or, without a progress store, those after the last input of the history (the old
     * process handled that input, so it reported everything up to it; what its timers reported after that is then
     * reported again). Clocks, pauses and pending warnings and breaches are restored; deadlines that passed while no
     * process ran fire at the next {@link TimerWheel#advance()}, each once. Escalations of events that are not
     * reported again do not run again.
     *
     * <p>An empty history, one that does not start with {@code Created}, one that mixes subjects or goes back in
     * time is an {@link InvalidInputException}; a subject already tracked is a {@link ConflictException}. Both
     * change nothing.
     */
    public void restore(List<SlaInput> history) {
        Require.nonNull(history, "history");
        if (history.isEmpty() || !(history.get(0) instanceof SlaInput.Created c)) {
            throw new InvalidInputException("a history must start with the subject's Created input");
        }
        String id = c.subjectId();
        Instant previous = c.at();
        requireSupported(previous, "history[0] of " + Require.quote(id));
        for (int i = 1; i < history.size(); i++) {
            SlaInput input = Require.nonNull(history.get(i), "history[" + i + "]");
            requireSupported(input.at(), "history[" + i + "] of " + Require.quote(id));
            if (input instanceof SlaInput.Created) {
                throw new InvalidInputException("history[" + i + "] creates " + Require.quote(id) + " a second time");
            }
            if (!input.subjectId().equals(id)) {
                throw new InvalidInputException("history[" + i + "] is for " + Require.quote(input.subjectId())
                        + ", not " + Require.quote(id));
            }
            if (input.at().isBefore(previous)) {
                throw new InvalidInputException("history[" + i + "] at " + input.at() + " is older than "
                        + previous);
            }
            previous = input.at();
        }
        Instant reportedThrough = progress == null ? previous : progress.reportedThrough(id).orElse(null);
        if (reportedThrough != null) {
            // marks are input times or due instants, all inside the range: anything else is a damaged store
            requireSupported(reportedThrough, "the progress store's mark of " + Require.quote(id));
        }
        if (subjects.containsKey(id)) { // checked again when it is added; this spares rebuilding a tracked one
            throw new ConflictException("subject " + Require.quote(id) + " is already tracked");
        }
        Subject s = new Subject(c.subject(), c.at());
        List<Emission> out = new ArrayList<>();
        Instant reported;
        synchronized (s) { // taken before the subject is visible: no input sees it half rebuilt
            // rebuilt while invisible, added only when complete: a failure leaves nothing tracked
            created(s, c.at(), out);
            for (int i = 1; i < history.size() && !s.gone; i++) {
                step(s, history.get(i), out);
            }
            if (reportedThrough != null && !s.gone && reportedThrough.isAfter(s.horizon)) {
                // the old process's timers reported warnings and breaches up to the mark: consume them here, so
                // that neither a timer nor a later input reports them again
                catchUp(s, reportedThrough, out);
                updateReassign(s, reportedThrough, out);
                s.horizon = reportedThrough;
            }
            if (reportedThrough != null) {
                // reported (and escalated) by the process that stopped
                out.removeIf(e -> !e.event().at().isAfter(reportedThrough));
            }
            if (subjects.putIfAbsent(id, s) != null) {
                throw new ConflictException("subject " + Require.quote(id) + " is already tracked");
            }
            commit(s);
            reported = s.gone ? null : s.horizon;
        }
        dispatch(out);
        saveProgress(s, reported);
    }

    /**
     * One input of a tracked subject, in time order, already checked; the caller holds the subject's lock. Changes
     * only the subject's fields: timers are armed afterwards by {@link #commit}.
     */
    private void step(Subject s, SlaInput input, List<Emission> out) {
        s.lastInput = input.at();
        Instant t = input.at().isBefore(s.horizon) ? s.horizon : input.at();
        catchUp(s, t, out);
        apply(s, input, t, out);
        updateReassign(s, t, out);
        s.horizon = t;
        if (s.status == SlaStatus.CLOSED) {
            forgetLocked(s);
        }
    }

    private void saveProgress(Subject s, Instant reportedThrough) {
        if (progress == null) {
            return;
        }
        if (reportedThrough != null) {
            progress.save(s.id, reportedThrough);
        } else {
            progress.delete(s.id);
        }
    }

    /**
     * The state of a subject's clocks now (the wheel's clock), or empty if it is not tracked. A malformed id (blank,
     * too long, control characters) is an {@link InvalidInputException}, as in {@link SlaInput}; a clock that reads
     * at or after the end of the supported range (2260) is a {@link ConfigurationException}.
     */
    public Optional<SlaSnapshot> snapshot(String subjectId) {
        Subject s = subjects.get(Require.id(subjectId, "subjectId"));
        if (s == null) {
            return Optional.empty();
        }
        synchronized (s) {
            if (s.gone) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            if (!now.isBefore(END_INSTANT)) {
                // before the range is fine (the snapshot is taken at the subject's horizon); after it, business
                // time is unknown
                throw new ConfigurationException("snapshot of " + Require.quote(s.id) + ": the timer wheel's clock"
                        + " reads " + now + ", at or after the end of the supported range (" + END_INSTANT + ")");
            }
            Instant t = now.isBefore(s.horizon) ? s.horizon : now;
            List<MetricState> states = new ArrayList<>();
            for (Clock c : s.clocks) {
                if (c.target == null && c.state == ClockState.IDLE) {
                    continue;
                }
                long elapsed = c.elapsed(s, t);
                Instant due = c.state == ClockState.RUNNING && c.target != null && !c.breached
                        ? dueAt(s, c, c.target.duration().toNanos()) : null;
                boolean breached = c.breached || (c.target != null && elapsed >= c.target.duration().toNanos());
                states.add(new MetricState(c.metric, c.target, c.state, Duration.ofNanos(elapsed), due, breached));
            }
            return Optional.of(new SlaSnapshot(s.id, s.policy == null ? null : s.policy.id(),
                    s.subject.priority(), s.status, t, states));
        }
    }

    /** Stops tracking a subject and cancels its timers; true if it was tracked. */
    public boolean forget(String subjectId) {
        Subject s = subjects.get(Require.id(subjectId, "subjectId"));
        if (s == null) {
            return false;
        }
        synchronized (s) {
            if (s.gone) {
                return false;
            }
            forgetLocked(s);
            commit(s);
        }
        saveProgress(s, null);
        return true;
    }

    /** Marks the subject gone; {@link #commit} then cancels its timers and drops it. */
    private void forgetLocked(Subject s) {
        s.gone = true;
        for (Clock c : s.clocks) {
            c.timerDue = null;
        }
        s.reassignDue = null;
    }

    /**
     * Makes the wheel match the subject: arms, moves or cancels each clock's timer and the reassign timer, and drops
     * a subject that is gone. The last part of every change, after everything that can fail.
     */
    private void commit(Subject s) {
        for (Clock c : s.clocks) {
            if (!java.util.Objects.equals(c.timerDue, c.armedDue)) {
                c.cancelTimer(wheel);
                if (c.timerDue != null) {
                    Instant due = c.timerDue;
                    c.timer = wheel.scheduleTimer(due, () -> onTimer(s, due));
                    c.armedDue = due;
                }
            }
        }
        if (!java.util.Objects.equals(s.reassignDue, s.reassignArmed)) {
            if (s.reassignTimer != TimerWheel.NO_TIMER) {
                wheel.discardTimer(s.reassignTimer);
                s.reassignTimer = TimerWheel.NO_TIMER;
            }
            s.reassignArmed = null;
            if (s.reassignDue != null) {
                Instant at = s.reassignDue;
                s.reassignTimer = wheel.scheduleTimer(at, () -> onTimer(s, at));
                s.reassignArmed = at;
            }
        }
        if (s.gone) {
            subjects.remove(s.id, s);
        }
    }

    private static void requireSupported(Instant t, String what) {
        if (t.isBefore(FIRST_INSTANT) || !t.isBefore(END_INSTANT)) {
            throw new InvalidInputException(what + " is at " + t + ", outside the supported range " + FIRST_INSTANT
                    + " (inclusive) to " + END_INSTANT + " (exclusive)");
        }
    }

    // ---------------------------------------------------------------- inputs

    private void created(Subject s, Instant t, List<Emission> out) {
        s.policy = policies.match(s.subject).orElse(null);
        s.unansweredSince = t;
        for (Clock c : s.clocks) {
            c.target = targetFor(s, c.metric);
            c.warnings = warningNanos(s, c.target);
        }
        start(s, s.clock(SlaMetric.FIRST_RESPONSE), t, out);
        start(s, s.clock(SlaMetric.REQUESTER_WAIT), t, out);
        start(s, s.clock(SlaMetric.AGENT_WORK), t, out);
        start(s, s.clock(SlaMetric.TOTAL_RESOLUTION), t, out);
        updateReassign(s, t, out);
    }

    private void apply(Subject s, SlaInput input, Instant t, List<Emission> out) {
        if (input instanceof SlaInput.Created) {
            throw new ConflictException("subject " + Require.quote(s.id) + " is already tracked");
        } else if (input instanceof SlaInput.Updated u) {
            updated(s, u.subject(), t, out);
        } else if (input instanceof SlaInput.StatusChanged sc) {
            statusChanged(s, sc.status(), t, out);
        } else if (input instanceof SlaInput.CustomerMessage) {
            customerMessage(s, t, out);
        } else if (input instanceof SlaInput.AgentReply) {
            response(s, t, out);
        } else if (input instanceof SlaInput.BotReply) {
            if (s.policy != null && s.policy.countsBotReplies()) {
                response(s, t, out);
            }
        } else if (input instanceof SlaInput.InternalNote) {
            if (s.policy != null && s.policy.countsInternalNotes()) {
                response(s, t, out);
            }
        } else if (input instanceof SlaInput.Assigned a) {
            s.assignee = a.agentId();
            s.assignedAt = t;
        }
    }

    private void updated(Subject s, SlaSubject subject, Instant t, List<Emission> out) {
        SlaPolicy before = s.policy;
        s.subject = subject;
        s.policy = policies.match(subject).orElse(null);
        for (Clock c : s.clocks) {
            SlaTarget target = targetFor(s, c.metric);
            boolean calendarChanged = before != s.policy;
            if (c.state == ClockState.RUNNING && calendarChanged) {
                // business time so far was counted on the old policy's calendar; continue on the new one from t
                c.accumulate(s, t, before == null ? ALWAYS : before.calendar());
                c.runningSince = t;
            }
            if (java.util.Objects.equals(target, c.target) && !calendarChanged) {
                continue;
            }
            c.target = target;
            c.warnings = warningNanos(s, target);
            long elapsed = c.elapsed(s, t);
            c.warned = 0;
            while (c.warned < c.warnings.length && c.warnings[c.warned] <= elapsed) {
                c.warned++; // thresholds already passed under the old target are not reported again
            }
            boolean active = c.state == ClockState.RUNNING || c.state == ClockState.PAUSED;
            if (target != null && active) {
                out.add(new Emission(new SlaEvent.Applied(s.id, s.policy.id(), c.metric, target,
                        Duration.ofNanos(elapsed), t, c.state == ClockState.RUNNING && !c.breached
                        && elapsed < target.duration().toNanos() ? dueAt(s, c, target.duration().toNanos()) : null)));
                if (!c.breached && elapsed >= target.duration().toNanos()) {
                    // the new, shorter target is already exceeded: breached now, when it was applied
                    c.breached = true;
                    SlaEvent e = new SlaEvent.Breached(s.id, s.policy.id(), c.metric, target,
                            Duration.ofNanos(elapsed), t);
                    out.add(new Emission(e, actions(s, s.policy.breachActions(c.metric), e)));
                }
            }
            if (target == null) {
                c.timerDue = null;
            }
        }
        if (!s.status.isTerminal()) {
            for (Clock c : s.clocks) {
                follow(s, c, t, out);
            }
        }
        catchUp(s, t, out);
    }

    private void statusChanged(Subject s, SlaStatus status, Instant t, List<Emission> out) {
        SlaStatus old = s.status;
        s.status = status;
        if (status.isTerminal()) {
            for (Clock c : s.clocks) {
                if (c.state == ClockState.RUNNING || c.state == ClockState.PAUSED) {
                    stop(s, c, t, out);
                }
            }
            return;
        }
        if (old.isTerminal()) {
            // reopened: cumulative clocks carry on from where they stopped (follow() resumes them)
            for (Clock c : s.clocks) {
                if (c.metric.isCumulative() && c.state == ClockState.STOPPED) {
                    c.state = ClockState.PAUSED;
                }
            }
        }
        for (Clock c : s.clocks) {
            follow(s, c, t, out);
        }
    }

    private void customerMessage(Subject s, Instant t, List<Emission> out) {
        if (s.unansweredSince == null) {
            s.unansweredSince = t;
        }
        Clock next = s.clock(SlaMetric.NEXT_RESPONSE);
        if (s.firstResponseGiven && !s.status.isTerminal()
                && next.state != ClockState.RUNNING && next.state != ClockState.PAUSED) {
            start(s, next, t, out);
        }
    }

    private void response(Subject s, Instant t, List<Emission> out) {
        s.unansweredSince = null;
        if (s.status.isTerminal()) {
            return;
        }
        if (!s.firstResponseGiven) {
            s.firstResponseGiven = true;
            Clock first = s.clock(SlaMetric.FIRST_RESPONSE);
            if (first.state == ClockState.RUNNING || first.state == ClockState.PAUSED) {
                stop(s, first, t, out);
            }
        }
        Clock next = s.clock(SlaMetric.NEXT_RESPONSE);
        if (next.state == ClockState.RUNNING || next.state == ClockState.PAUSED) {
            stop(s, next, t, out);
        }
        for (SlaMetric m : new SlaMetric[] {SlaMetric.PERIODIC_UPDATE, SlaMetric.PAUSABLE_UPDATE}) {
            Clock c = s.clock(m);
            if (c.state == ClockState.RUNNING || c.state == ClockState.PAUSED) {
                stop(s, c, t, out);
            }
            start(s, c, t, out);
        }
    }

    // ---------------------------------------------------------------- clock mechanics

    private void start(Subject s, Clock c, Instant t, List<Emission> out) {
        c.calNanos = 0;
        c.busNanos = 0;
        c.warned = 0;
        c.breached = false;
        boolean runs = runs(s, c.metric);
        c.state = runs ? ClockState.RUNNING : ClockState.PAUSED;
        c.runningSince = runs ? t : null;
        if (c.target != null) {
            out.add(new Emission(new SlaEvent.Applied(s.id, s.policy.id(), c.metric, c.target, Duration.ZERO, t,
                    runs ? dueAt(s, c, c.target.duration().toNanos()) : null)));
        }
        schedule(s, c);
    }

    /** Pauses or resumes a clock so that it follows the subject's status. */
    private void follow(Subject s, Clock c, Instant t, List<Emission> out) {
        boolean runs = runs(s, c.metric);
        if (c.state == ClockState.RUNNING && !runs) {
            c.accumulate(s, t, calendar(s));
            c.runningSince = null;
            c.state = ClockState.PAUSED;
            c.timerDue = null;
            if (c.target != null) {
                out.add(new Emission(new SlaEvent.Paused(s.id, s.policy.id(), c.metric, c.target,
                        Duration.ofNanos(c.elapsed(s, t)), t, s.status)));
            }
        } else if (c.state == ClockState.PAUSED && runs) {
            c.state = ClockState.RUNNING;
            c.runningSince = t;
            if (c.target != null) {
                out.add(new Emission(new SlaEvent.Resumed(s.id, s.policy.id(), c.metric, c.target,
                        Duration.ofNanos(c.elapsed(s, t)), t, s.status)));
            }
            schedule(s, c);
        }
    }

    private void stop(Subject s, Clock c, Instant t, List<Emission> out) {
        if (c.state == ClockState.RUNNING) {
            c.accumulate(s, t, calendar(s));
            c.runningSince = null;
        }
        c.state = ClockState.STOPPED;
        c.timerDue = null;
        if (c.target != null) {
            out.add(new Emission(new SlaEvent.Fulfilled(s.id, s.policy.id(), c.metric, c.target,
                    Duration.ofNanos(c.elapsed(s, t)), t, c.breached)));
        }
    }

    /** Emits every warning and breach due at or before {@code t}, at its exact instant; then re-arms timers. */
    private void catchUp(Subject s, Instant t, List<Emission> out) {
        if (s.reassignDue != null && !s.reassignDue.isAfter(t)) {
            fireReassign(s, out);
        }
        for (Clock c : s.clocks) {
            if (c.state != ClockState.RUNNING || c.target == null) {
                continue;
            }
            while (true) {
                long threshold = c.nextThreshold();
                if (threshold < 0) {
                    break;
                }
                Instant due = dueAt(s, c, threshold);
                if (due == null || due.isAfter(t)) {
                    break;
                }
                long targetNanos = c.target.duration().toNanos();
                if (c.warned < c.warnings.length) {
                    c.warned++;
                    SlaEvent e = new SlaEvent.Warning(s.id, s.policy.id(), c.metric, c.target,
                            Duration.ofNanos(threshold), due, Duration.ofNanos(targetNanos - threshold));
                    out.add(new Emission(e, actions(s, s.policy.warningActions(c.metric), e)));
                } else {
                    c.breached = true;
                    SlaEvent e = new SlaEvent.Breached(s.id, s.policy.id(), c.metric, c.target,
                            Duration.ofNanos(targetNanos), due);
                    out.add(new Emission(e, actions(s, s.policy.breachActions(c.metric), e)));
                }
            }
            schedule(s, c);
        }
    }

    /** Sets when the clock's timer should fire (armed by {@link #commit}). */
    private void schedule(Subject s, Clock c) {
        c.timerDue = null;
        if (c.state != ClockState.RUNNING || c.target == null || s.gone) {
            return;
        }
        long threshold = c.nextThreshold();
        if (threshold < 0) {
            return;
        }
        c.timerDue = dueAt(s, c, threshold);
    }

    /**
     * Catches up to the timer's own due instant, not to the clock: when the wheel is advanced by a whole day at once,
     * every subject's events still come out in time order across subjects.
     */
    private void onTimer(Subject s, Instant due) {
        List<Emission> out = new ArrayList<>();
        Instant t;
        synchronized (s) {
            if (s.gone) {
                return;
            }
            t = due.isBefore(s.horizon) ? s.horizon : due;
            catchUp(s, t, out);
            updateReassign(s, t, out);
            s.horizon = t;
            commit(s);
        }
        dispatch(out);
        saveProgress(s, t);
    }

    /**
     * When the running clock reaches {@code thresholdNanos}, or null when that cannot be told inside the supported
     * range (then nothing is scheduled). Never throws: it runs in the middle of applying an input.
     */
    private Instant dueAt(Subject s, Clock c, long thresholdNanos) {
        boolean business = c.target != null && c.target.basis() == TimeBasis.BUSINESS;
        long remaining = thresholdNanos - (business ? c.busNanos : c.calNanos); // both >= 0: cannot overflow
        if (remaining <= 0) {
            return c.runningSince;
        }
        Instant due;
        if (!business) {
            due = c.runningSince.plusNanos(remaining); // at most 2260 + 3650 days: far inside Instant's range
        } else {
            try {
                due = calendar(s).deadline(c.runningSince, Duration.ofNanos(remaining));
            } catch (InvalidInputException e) {
                // the calendar stays closed past its search horizon, or its range ends before the amount is used up
                LOG.warn("SLA {} {}: no due instant for {} of business time after {}; nothing scheduled ({})",
                        Require.quote(s.id), c.metric, Duration.ofNanos(remaining), c.runningSince, e.getMessage());
                return null;
            }
        }
        if (!due.isBefore(END_INSTANT)) {
            LOG.warn("SLA {} {}: due at {}, at or after the end of the supported range; nothing scheduled",
                    Require.quote(s.id), c.metric, due);
            return null;
        }
        return due;
    }

    private boolean runs(Subject s, SlaMetric metric) {
        if (s.status.isTerminal()) {
            return false;
        }
        return s.policy == null ? metric.defaultRunningStatuses().contains(s.status)
                : s.policy.runningStatuses(metric).contains(s.status);
    }

    private static BusinessCalendar calendar(Subject s) {
        return s.policy == null ? ALWAYS : s.policy.calendar();
    }

    private static SlaTarget targetFor(Subject s, SlaMetric metric) {
        return s.policy == null ? null : s.policy.target(metric, s.subject.priority()).orElse(null);
    }

    private static long[] warningNanos(Subject s, SlaTarget target) {
        if (target == null) {
            return new long[0];
        }
        return s.policy.warningThresholds(target).stream().mapToLong(Duration::toNanos).toArray();
    }

    // ---------------------------------------------------------------- reassign on no reply

    private void updateReassign(Subject s, Instant t, List<Emission> out) {
        Instant due = null;
        if (s.policy != null && s.policy.reassignAfter().isPresent() && s.assignee != null
                && s.unansweredSince != null && s.status != SlaStatus.PENDING && !s.status.isTerminal()) {
            Instant since = s.assignedAt.isAfter(s.unansweredSince) ? s.assignedAt : s.unansweredSince;
            due = since.plus(s.policy.reassignAfter().get()); // at most 3650 days after an input: no overflow
            if (!due.isBefore(END_INSTANT)) {
                due = null; // like a deadline past the supported range: not scheduled
            }
        }
        if (java.util.Objects.equals(due, s.reassignDue)) {
            return;
        }
        s.reassignDue = due; // armed by commit
        if (due != null && !due.isAfter(t)) {
            fireReassign(s, out);
        }
    }

    private void fireReassign(Subject s, List<Emission> out) {
        Instant due = s.reassignDue;
        String agent = s.assignee;
        Duration waited = Duration.between(s.unansweredSince, due);
        s.reassignDue = null;
        s.assignee = null;
        SlaEvent e = new SlaEvent.ReassignRequested(s.id, s.policy.id(), agent, waited, due);
        String id = s.id;
        out.add(new Emission(e, List.of(() -> escalations.returnToRouting(id, agent, waited))));
    }

    // ---------------------------------------------------------------- events and actions

    private List<Runnable> actions(Subject s, List<EscalationAction> actions, SlaEvent cause) {
        if (actions.isEmpty()) {
            return List.of();
        }
        List<Runnable> out = new ArrayList<>(actions.size());
        String id = s.id;
        Priority current = s.subject.priority();
        for (EscalationAction a : actions) {
            if (a instanceof EscalationAction.RaisePriority r) {
                Priority to = r.to() == null ? current.raised()
                        : (r.to().compareTo(current) > 0 ? r.to() : current);
                if (to != current) {
                    out.add(() -> escalations.raisePriority(id, current, to, cause));
                }
            } else if (a instanceof EscalationAction.Reroute r) {
                out.add(() -> escalations.reroute(id, r.queue(), cause));
            } else if (a instanceof EscalationAction.NotifySupervisor n) {
                out.add(() -> escalations.notifySupervisor(id, n.supervisorId(), cause));
            }
        }
        return out;
    }

    private void dispatch(List<Emission> out) {
        if (out.isEmpty()) {
            return;
        }
        out.sort(Comparator.comparing(e -> e.event().at())); // stable: same-instant events keep their order
        for (Emission e : out) {
            for (SlaListener l : listeners) {
                try {
                    l.onEvent(e.event());
                } catch (RuntimeException ex) {
                    LOG.error("SLA listener {} failed on {}", l, e.event(), ex);
                }
            }
            for (Runnable action : e.actions()) {
                try {
                    action.run();
                } catch (RuntimeException ex) {
                    LOG.error("SLA escalation failed on {}", e.event(), ex);
                }
            }
        }
    }

    private record Emission(SlaEvent event, List<Runnable> actions) {
        Emission(SlaEvent event) {
            this(event, List.of());
        }
    }

    // ---------------------------------------------------------------- state

    private static final class Subject {
        final String id;
        final Clock[] clocks = new Clock[METRICS.length];
        SlaSubject subject;
        SlaPolicy policy;
        SlaStatus status = SlaStatus.NEW;
        Instant lastInput;
        Instant horizon;
        boolean firstResponseGiven;
        Instant unansweredSince;
        String assignee;
        Instant assignedAt;
        /** When the reassign timer should fire; {@link #reassignArmed} is when the armed one does. */
        Instant reassignDue;
        Instant reassignArmed;
        long reassignTimer = TimerWheel.NO_TIMER;
        boolean gone;

        Subject(SlaSubject subject, Instant at) {
            this.id = subject.id();
            this.subject = subject;
            this.lastInput = at;
            this.horizon = at;
            for (SlaMetric m : METRICS) {
                clocks[m.ordinal()] = new Clock(m);
            }
        }

        Clock clock(SlaMetric m) {
            return clocks[m.ordinal()];
        }
    }

    private static final class Clock {
        final SlaMetric metric;
        ClockState state = ClockState.IDLE;
        SlaTarget target;
        long[] warnings = new long[0];
        int warned;
        boolean breached;
        /** Calendar and business nanoseconds counted before {@link #runningSince}. */
        long calNanos;
        long busNanos;
        Instant runningSince;
        /** When this clock's timer should fire (set while applying an input); {@link #armedDue}: the armed one. */
        Instant timerDue;
        Instant armedDue;
        long timer = TimerWheel.NO_TIMER;

        Clock(SlaMetric metric) {
            this.metric = metric;
        }

        /** Next elapsed-time threshold to report (a warning, then the breach), or -1 when all are reported. */
        long nextThreshold() {
            if (warned < warnings.length) {
                return warnings[warned];
            }
            return breached ? -1 : target.duration().toNanos();
        }

        void accumulate(Subject s, Instant t, BusinessCalendar cal) {
            if (runningSince == null || !t.isAfter(runningSince)) {
                return;
            }
            calNanos = saturatedAdd(calNanos, calendarNanos(runningSince, t));
            busNanos = saturatedAdd(busNanos, businessNanos(cal, runningSince, t));
        }

        /** Elapsed at t in the basis of the target (calendar time when there is no target). */
        long elapsed(Subject s, Instant t) {
            boolean business = target != null && target.basis() == TimeBasis.BUSINESS;
            long base = business ? busNanos : calNanos;
            if (state != ClockState.RUNNING || runningSince == null || !t.isAfter(runningSince)) {
                return base;
            }
            return saturatedAdd(base, business ? businessNanos(calendar(s), runningSince, t)
                    : calendarNanos(runningSince, t));
        }

        void cancelTimer(TimerWheel wheel) {
            if (timer != TimerWheel.NO_TIMER) {
                wheel.discardTimer(timer);
                timer = TimerWheel.NO_TIMER;
            }
            armedDue = null;
        }
    }

    // ---------------------------------------------------------------- overflow-safe time arithmetic
    // Inputs span up to 560 years and a long holds 292 years of nanoseconds: elapsed times saturate instead of
    // overflowing. Nothing depends on an exact elapsed time that long: targets are at most 3650 days.

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r; // both non-negative: overflow only upwards
    }

    /** Calendar nanoseconds from {@code from} to {@code to} (not before it), saturated. */
    private static long calendarNanos(Instant from, Instant to) {
        return saturatedNanos(Duration.between(from, to));
    }

    /**
     * Business nanoseconds from {@code from} to {@code to}, saturated; both inside the calendar's range, over which
     * the calendar's answer is exact however long the span (560 years of open time do not fit a long; 292 do).
     */
    private static long businessNanos(BusinessCalendar cal, Instant from, Instant to) {
        return saturatedNanos(cal.businessDuration(from, to));
    }

    private static long saturatedNanos(Duration d) {
        return d.compareTo(MAX_NANOS) >= 0 ? Long.MAX_VALUE : d.toNanos();
    }

    /**
     * Configures an {@link SlaTracker}. Not thread-safe. Required: policies and the timer wheel (whose clock the
     * tracker reads). Defaults: no listeners, an escalation handler that does nothing.
     */
    public static final class Builder {
        private SlaPolicies policies;
        private TimerWheel wheel;
        private final List<SlaListener> listeners = new ArrayList<>();
        private EscalationHandler escalations = new EscalationHandler() {
        };
        private SlaProgressStore progress;

        private Builder() {
        }

        public Builder policies(SlaPolicies policies) {
            this.policies = Require.nonNull(policies, "policies");
            return this;
        }

        /** The wheel for warnings, breaches and reassign timers; its clock is the tracker's clock. */
        public Builder timers(TimerWheel wheel) {
            this.wheel = Require.nonNull(wheel, "wheel");
            return this;
        }

        public Builder listener(SlaListener listener) {
            listeners.add(Require.nonNull(listener, "listener"));
            return this;
        }

        public Builder escalations(EscalationHandler handler) {
            this.escalations = Require.nonNull(handler, "handler");
            return this;
        }

        /**
         * Where the tracker keeps, per subject, up to which instant it reported events, so that {@link #restore}
         * after a restart reports each event once. Optional; without it nothing is saved.
         */
        public Builder progress(SlaProgressStore store) {
            this.progress = Require.nonNull(store, "store");
            return this;
        }

        public SlaTracker build() {
            if (policies == null) {
                throw new ConfigurationException("policies are required (SlaPolicies.of(...))");
            }
            if (wheel == null) {
                throw new ConfigurationException("timers are required: pass the engine's TimerWheel");
            }
            return new SlaTracker(this);
        }
    }
}
