package io.supportkit.core.sla;

import io.supportkit.storage.Priority;
import io.supportkit.ConfigurationException;
import io.supportkit.InvalidInputException;
import io.supportkit.core.calendar.BusinessCalendar;
import io.supportkit.internal.Require;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * An SLA policy: a condition that selects subjects, targets per metric and priority, warnings before a breach,
 * escalation actions, and reassign-on-no-reply. Policies are tried in order ({@link SlaPolicies}); the first whose
 * condition matches applies.
 *
 * <p>Immutable and thread-safe. Validated at {@link Builder#build()}.
 *
 * <pre>{@code
 * SlaPolicy vip = SlaPolicy.builder("vip")
 *         .when(SlaCondition.builder().customerTiers("vip").build())
 *         .calendar(istanbulHours)
 *         .target(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(30), TimeBasis.BUSINESS)
 *         .target(SlaMetric.FIRST_RESPONSE, Priority.URGENT, Duration.ofMinutes(5), TimeBasis.CALENDAR)
 *         .target(SlaMetric.TOTAL_RESOLUTION, Duration.ofHours(24), TimeBasis.BUSINESS)
 *         .warnAtFraction(0.8)
 *         .onBreach(EscalationAction.raisePriority(), EscalationAction.notifySupervisor("lead"))
 *         .reassignIfNoReplyWithin(Duration.ofMinutes(10))
 *         .build();
 * }</pre>
 */
public final class SlaPolicy {
    private final String id;
    private final SlaCondition condition;
    private final BusinessCalendar calendar;
    private final Map<SlaMetric, Map<Priority, SlaTarget>> targets;
    private final Map<SlaMetric, Set<SlaStatus>> running;
    private final double[] warningFractions;
    private final Duration[] warningLeads;
    private final Map<SlaMetric, List<EscalationAction>> onWarning;
    private final Map<SlaMetric, List<EscalationAction>> onBreach;
    private final boolean countBotReplies;
    private final boolean countInternalNotes;
    private final Duration reassignAfter;

    private SlaPolicy(Builder b) {
        this.id = b.id;
        this.condition = b.condition;
        this.calendar = b.calendar;
        EnumMap<SlaMetric, Map<Priority, SlaTarget>> t = new EnumMap<>(SlaMetric.class);
        b.targets().forEach((m, byPriority) -> t.put(m, Collections.unmodifiableMap(new EnumMap<>(byPriority))));
        this.targets = Collections.unmodifiableMap(t);
        EnumMap<SlaMetric, Set<SlaStatus>> r = new EnumMap<>(SlaMetric.class);
        for (SlaMetric m : SlaMetric.values()) {
            r.put(m, Collections.unmodifiableSet(EnumSet.copyOf(b.running.getOrDefault(m,
                    EnumSet.copyOf(m.defaultRunningStatuses())))));
        }
        this.running = Collections.unmodifiableMap(r);
        this.warningFractions = b.fractions.stream().mapToDouble(Double::doubleValue).toArray();
        this.warningLeads = b.leads.toArray(Duration[]::new);
        this.onWarning = copy(b.onWarning);
        this.onBreach = copy(b.onBreach);
        this.countBotReplies = b.countBotReplies;
        this.countInternalNotes = b.countInternalNotes;
        this.reassignAfter = b.reassignAfter;
    }

    private static Map<SlaMetric, List<EscalationAction>> copy(Map<SlaMetric, List<EscalationAction>> in) {
        EnumMap<SlaMetric, List<EscalationAction>> out = new EnumMap<>(SlaMetric.class);
        in.forEach((m, l) -> out.put(m, List.copyOf(l)));
        return Collections.unmodifiableMap(out);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public String id() {
        return id;
    }

    public SlaCondition condition() {
        return condition;
    }

    /** The calendar for business-time targets; a 24/7 UTC calendar when none was given. */
    public BusinessCalendar calendar() {
        return calendar;
    }

    /** The target for a metric at a priority: the priority-specific one, else the one for all priorities. */
    public Optional<SlaTarget> target(SlaMetric metric, Priority priority) {
        Require.nonNull(metric, "metric");
        Require.nonNull(priority, "priority"); // checked first: a metric without targets must not hide the null
        Map<Priority, SlaTarget> byPriority = targets.get(metric);
        return byPriority == null ? Optional.empty() : Optional.ofNullable(byPriority.get(priority));
    }

    /** Statuses in which the metric's clock runs under this policy. */
    public Set<SlaStatus> runningStatuses(SlaMetric metric) {
        return running.get(Require.nonNull(metric, "metric"));
    }

    /**
     * Elapsed time at which warnings fire for a target, ascending, each below the target: fractions of it and lead
     * times before it.
     */
    public List<Duration> warningThresholds(SlaTarget target) {
        Require.nonNull(target, "target");
        TreeSet<Duration> out = new TreeSet<>();
        long nanos = target.duration().toNanos();
        for (double f : warningFractions) {
            out.add(Duration.ofNanos((long) Math.floor(nanos * f)));
        }
        for (Duration lead : warningLeads) {
            Duration at = target.duration().minus(lead);
            if (!at.isNegative()) {
                out.add(at);
            }
        }
        out.removeIf(d -> d.compareTo(target.duration()) >= 0);
        return List.copyOf(out);
    }

    public List<EscalationAction> warningActions(SlaMetric metric) {
        return onWarning.getOrDefault(Require.nonNull(metric, "metric"), List.of());
    }

    public List<EscalationAction> breachActions(SlaMetric metric) {
        return onBreach.getOrDefault(Require.nonNull(metric, "metric"), List.of());
    }

    public boolean countsBotReplies() {
        return countBotReplies;
    }

    public boolean countsInternalNotes() {
        return countInternalNotes;
    }

    /** Calendar time an assigned agent has to answer before the subject goes back to routing, if set. */
    public Optional<Duration> reassignAfter() {
        return Optional.ofNullable(reassignAfter);
    }

    @Override
    public String toString() {
        return "SlaPolicy[" + id + "]";
    }

    /** Builds an {@link SlaPolicy}. Not thread-safe. Defaults: condition always, one warning at 80 %. */
    public static final class Builder {
        private final String id;
        private SlaCondition condition = SlaCondition.always();
        private BusinessCalendar calendar;
        /** Targets for all priorities, and per priority: kept apart so that either given twice is an error. */
        private final Map<SlaMetric, SlaTarget> allPriorities = new EnumMap<>(SlaMetric.class);
        private final Map<SlaMetric, Map<Priority, SlaTarget>> byPriority = new EnumMap<>(SlaMetric.class);
        private final Map<SlaMetric, Set<SlaStatus>> running = new EnumMap<>(SlaMetric.class);
        private final List<Double> fractions = new ArrayList<>(List.of(0.8));
        private final List<Duration> leads = new ArrayList<>();
        private boolean warningsCustomised;
        private final Map<SlaMetric, List<EscalationAction>> onWarning = new EnumMap<>(SlaMetric.class);
        private final Map<SlaMetric, List<EscalationAction>> onBreach = new EnumMap<>(SlaMetric.class);
        private boolean countBotReplies;
        private boolean countInternalNotes;
        private Duration reassignAfter;

        private Builder(String id) {
            this.id = Require.id(id, "id");
        }

        public Builder when(SlaCondition condition) {
            this.condition = Require.nonNull(condition, "condition");
            return this;
        }

        /** The calendar for business-time targets; required when any target uses {@link TimeBasis#BUSINESS}. */
        public Builder calendar(BusinessCalendar calendar) {
            this.calendar = Require.nonNull(calendar, "calendar");
            return this;
        }

        /**
         * A target for every priority (priority-specific targets win). A second all-priorities target for the same
         * metric is a {@link ConfigurationException}.
         */
        public Builder target(SlaMetric metric, Duration duration, TimeBasis basis) {
            SlaTarget t = target(metric, duration, basis, "all priorities");
            if (allPriorities.containsKey(metric)) {
                // a second value for the same thing is a mistake in the configuration, not an override
                throw new ConfigurationException("policy " + Require.quote(id) + ": a target for " + metric
                        + " (all priorities) is given twice, " + allPriorities.get(metric).duration() + " and "
                        + duration);
            }
            allPriorities.put(metric, t);
            return this;
        }

        /**
         * A target for one priority; a second one for the same metric and priority is a
         * {@link ConfigurationException}.
         */
        public Builder target(SlaMetric metric, Priority priority, Duration duration, TimeBasis basis) {
            Require.nonNull(priority, "priority");
            SlaTarget t = target(metric, duration, basis, priority.toString());
            Map<Priority, SlaTarget> forMetric = byPriority.computeIfAbsent(metric, k -> new EnumMap<>(Priority.class));
            if (forMetric.containsKey(priority)) {
                throw new ConfigurationException("policy " + Require.quote(id) + ": a target for " + metric + " at "
                        + priority + " is given twice, " + forMetric.get(priority).duration() + " and " + duration);
            }
            forMetric.put(priority, t);
            return this;
        }

        /** Per metric and priority: the priority's own target, else the one for all priorities. */
        private Map<SlaMetric, Map<Priority, SlaTarget>> targets() {
            Map<SlaMetric, Map<Priority, SlaTarget>> out = new EnumMap<>(SlaMetric.class);
            byPriority.forEach((m, byP) -> {
                if (!byP.isEmpty()) {
                    out.put(m, new EnumMap<>(byP));
                }
            });
            allPriorities.forEach((m, t) -> {
                Map<Priority, SlaTarget> forMetric = out.computeIfAbsent(m, k -> new EnumMap<>(Priority.class));
                for (Priority p : Priority.values()) {
                    forMetric.putIfAbsent(p, t);
                }
            });
            return out;
        }

        private static SlaTarget target(SlaMetric metric, Duration duration, TimeBasis basis, String where) {
            try {
                return new SlaTarget(metric, duration, basis);
            } catch (InvalidInputException e) {
                throw new ConfigurationException(e.getMessage() + " (" + where + ")", e);
            }
        }

        /** Statuses in which the metric's clock runs; SOLVED and CLOSED are not allowed (clocks stop there). */
        public Builder runningIn(SlaMetric metric, SlaStatus... statuses) {
            Require.nonNull(metric, "metric");
            EnumSet<SlaStatus> set = EnumSet.noneOf(SlaStatus.class);
            for (SlaStatus s : Require.nonNull(statuses, "statuses")) {
                if (Require.nonNull(s, "status").isTerminal()) {
                    throw new ConfigurationException("runningIn(" + metric + ") must not contain " + s
                            + ": clocks stop when a subject is solved or closed");
                }
                set.add(s);
            }
            running.put(metric, set);
            return this;
        }

        private void customiseWarnings() {
            if (!warningsCustomised) {
                fractions.clear();
                warningsCustomised = true;
            }
        }

        /** A warning when this fraction of the target has elapsed (replaces the default 0.8). */
        public Builder warnAtFraction(double fraction) {
            if (!(fraction > 0 && fraction < 1)) {
                throw new ConfigurationException("warning fraction must be between 0 and 1 exclusive, was " + fraction);
            }
            customiseWarnings();
            fractions.add(fraction);
            return this;
        }

        /** A warning this long before the breach, at most 3650 days (replaces the default 80 % warning). */
        public Builder warnBefore(Duration lead) {
            requireLikeATarget(lead, "lead", "warning lead time");
            customiseWarnings();
            leads.add(lead);
            return this;
        }

        /** No warnings, only breaches. */
        public Builder noWarnings() {
            customiseWarnings();
            fractions.clear();
            leads.clear();
            return this;
        }

        /** Actions on every warning of every metric. */
        public Builder onWarning(EscalationAction... actions) {
            for (SlaMetric m : SlaMetric.values()) {
                onWarning(m, actions);
            }
            return this;
        }

        public Builder onWarning(SlaMetric metric, EscalationAction... actions) {
            return actions(onWarning, metric, actions);
        }

        /** Actions on the breach of every metric. */
        public Builder onBreach(EscalationAction... actions) {
            for (SlaMetric m : SlaMetric.values()) {
                onBreach(m, actions);
            }
            return this;
        }

        public Builder onBreach(SlaMetric metric, EscalationAction... actions) {
            return actions(onBreach, metric, actions);
        }

        private Builder actions(Map<SlaMetric, List<EscalationAction>> into, SlaMetric metric,
                                EscalationAction[] actions) {
            Require.nonNull(metric, "metric");
            Require.noNullElements(Arrays.asList(Require.nonNull(actions, "actions")), "actions");
            into.computeIfAbsent(metric, k -> new ArrayList<>()).addAll(Arrays.asList(actions));
            return this;
        }

        /** Whether bot replies count as responses (default false). */
        public Builder countBotReplies(boolean count) {
            this.countBotReplies = count;
            return this;
        }

        /** Whether internal notes count as responses (default false). */
        public Builder countInternalNotes(boolean count) {
            this.countInternalNotes = count;
            return this;
        }

        /**
         * When an assigned agent leaves a waiting customer unanswered this long (calendar time), the subject goes
         * back to routing through {@link io.supportkit.core.sla.spi.EscalationHandler#returnToRouting}. Positive and at
         * most 3650 days, like a target.
         */
        public Builder reassignIfNoReplyWithin(Duration after) {
            requireLikeATarget(after, "after", "reassign time");
            this.reassignAfter = after;
            return this;
        }

        /**
         * Durations the tracker adds to input times (warning leads, the reassign time) are bounded like targets, so
         * that every deadline it computes stays inside the supported range.
         */
        private static void requireLikeATarget(Duration d, String parameter, String what) {
            Require.nonNull(d, parameter);
            if (d.isNegative() || d.isZero() || d.compareTo(SlaTarget.MAX_DURATION) > 0) {
                throw new ConfigurationException(what + " must be positive and at most "
                        + SlaTarget.MAX_DURATION.toDays() + " days (the longest target), was " + d);
            }
        }

        public SlaPolicy build() {
            boolean business = Stream.concat(allPriorities.values().stream(),
                            byPriority.values().stream().flatMap(m -> m.values().stream()))
                    .anyMatch(t -> t.basis() == TimeBasis.BUSINESS);
            if (business && calendar == null) {
                throw new ConfigurationException("policy " + Require.quote(id)
                        + " has business-time targets but no calendar");
            }
            if (calendar == null) {
                calendar = BusinessCalendar.alwaysOpen("always-open", java.time.ZoneOffset.UTC);
            }
            return new SlaPolicy(this);
        }
    }
}
