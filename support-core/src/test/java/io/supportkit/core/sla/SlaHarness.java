package io.supportkit.core.sla;

import io.supportkit.storage.Priority;
import io.supportkit.core.sla.spi.EscalationHandler;
import io.supportkit.core.timer.TimerWheel;
import io.supportkit.time.VirtualClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A tracker on a virtual clock that records every event and escalation, for scenario tests. */
final class SlaHarness {
    final VirtualClock clock;
    final TimerWheel wheel;
    final SlaTracker tracker;
    final List<SlaEvent> events = new ArrayList<>();
    final List<String> escalations = new ArrayList<>();
    Consumer<String> onRaise = id -> { };

    SlaHarness(Instant start, SlaPolicies policies) {
        clock = VirtualClock.at(start);
        wheel = TimerWheel.builder().clock(clock).tick(Duration.ofMillis(1)).build();
        tracker = SlaTracker.builder().policies(policies).timers(wheel).listener(events::add)
                .escalations(new EscalationHandler() {
                    @Override
                    public void raisePriority(String subjectId, Priority from, Priority to, SlaEvent cause) {
                        escalations.add("raise " + subjectId + " " + from + "->" + to);
                        onRaise.accept(subjectId);
                    }

                    @Override
                    public void reroute(String subjectId, String queue, SlaEvent cause) {
                        escalations.add("reroute " + subjectId + " " + queue);
                    }

                    @Override
                    public void notifySupervisor(String subjectId, String supervisorId, SlaEvent cause) {
                        escalations.add("notify " + supervisorId + " about " + subjectId);
                    }

                    @Override
                    public void returnToRouting(String subjectId, String agentId, Duration waited) {
                        escalations.add("reroute-no-reply " + subjectId + " from " + agentId + " after " + waited);
                    }
                }).build();
    }

    /** Moves the clock to {@code t}, firing due timers on the way. */
    Instant advanceTo(Instant t) {
        clock.set(t);
        wheel.advance();
        return t;
    }

    Instant advance(Duration d) {
        return advanceTo(clock.instant().plus(d));
    }

    void feed(SlaInput input) {
        advanceTo(input.at());
        tracker.on(input);
    }

    <T extends SlaEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends SlaEvent.MetricEvent> List<T> events(Class<T> type, SlaMetric metric) {
        return events(type).stream().filter(e -> e.metric() == metric).toList();
    }
}
