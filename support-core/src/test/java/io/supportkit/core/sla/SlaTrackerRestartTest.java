package io.supportkit.core.sla;

import io.supportkit.ConflictException;
import io.supportkit.InvalidInputException;
import io.supportkit.core.sla.spi.EscalationHandler;
import io.supportkit.core.sla.spi.SlaProgressStore;
import io.supportkit.core.timer.TimerWheel;
import io.supportkit.storage.Priority;
import io.supportkit.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.supportkit.core.sla.SlaInput.agentReply;
import static io.supportkit.core.sla.SlaInput.assigned;
import static io.supportkit.core.sla.SlaInput.created;
import static io.supportkit.core.sla.SlaInput.customerMessage;
import static io.supportkit.core.sla.SlaInput.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A tracker rebuilt after a restart ({@link SlaTracker#restore}) on a virtual clock: every event and escalation is
 * reported exactly once over the life of the old and the new process, the same as by one process that never
 * stopped, including a breach that fell due while no process ran.
 */
class SlaTrackerRestartTest {
    private static final Instant T0 = Instant.parse("2026-06-01T07:00:00Z");

    private static final SlaPolicy POLICY = SlaPolicy.builder("standard")
            .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(1), TimeBasis.CALENDAR)
            .target(SlaMetric.NEXT_RESPONSE, Duration.ofMinutes(30), TimeBasis.CALENDAR)
            .target(SlaMetric.TOTAL_RESOLUTION, Duration.ofHours(4), TimeBasis.CALENDAR)
            .warnAtFraction(0.8)
            .onBreach(EscalationAction.notifySupervisor("lead"))
            .reassignIfNoReplyWithin(Duration.ofMinutes(20))
            .build();

    /** One process: its own clock, wheel and tracker; what it reported goes to the shared lists. */
    private static final class Process {
        final VirtualClock clock;
        final TimerWheel wheel;
        final SlaTracker tracker;

        Process(Instant start, SlaProgressStore progress, List<SlaEvent> events, List<String> escalations) {
            clock = VirtualClock.at(start);
            wheel = TimerWheel.builder().clock(clock).build();
            SlaTracker.Builder b = SlaTracker.builder().policies(SlaPolicies.of(POLICY)).timers(wheel)
                    .listener(events::add)
                    .escalations(new EscalationHandler() {
                        @Override
                        public void notifySupervisor(String subjectId, String supervisorId, SlaEvent cause) {
                            escalations.add("notify " + supervisorId + " of " + cause);
                        }

                        @Override
                        public void returnToRouting(String subjectId, String agentId, Duration waited) {
                            escalations.add("return " + subjectId + " from " + agentId + " after " + waited);
                        }
                    });
            tracker = (progress == null ? b : b.progress(progress)).build();
        }

        void advanceTo(Instant t) {
            clock.set(t);
            wheel.advance();
        }

        /** The host stores the input (its history), then the tracker hears it. */
        void feed(List<SlaInput> history, SlaInput input) {
            advanceTo(input.at());
            history.add(input);
            tracker.on(input);
        }
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static List<SlaInput> firstHalf() {
        return List.of(
                created(SlaSubject.builder("c1", Priority.NORMAL).channel("web").build(), T0),
                customerMessage("c1", at(1)),
                assigned("c1", "a1", at(10)),
                statusChanged("c1", SlaStatus.OPEN, at(12)));
    }

    @Test
    void shouldReportEveryEventOnceAcrossARestartWithABreachThatFellDueWhileDown() {
        // the reference: one process that never stops
        List<SlaEvent> expected = new ArrayList<>();
        List<String> expectedEscalations = new ArrayList<>();
        Process reference = new Process(T0, null, expected, expectedEscalations);
        List<SlaInput> ignored = new ArrayList<>();
        firstHalf().forEach(i -> reference.feed(ignored, i));
        reference.advanceTo(at(50));
        reference.advanceTo(at(120));
        reference.feed(ignored, agentReply("c1", "a2", at(125)));
        reference.advanceTo(at(300));

        // the same traffic, but the process stops at 00:50 and the next one starts at 02:00
        SlaProgressStore progress = SlaProgressStore.inMemory();
        List<SlaInput> history = new ArrayList<>();
        List<SlaEvent> events = new ArrayList<>();
        List<String> escalations = new ArrayList<>();
        Process first = new Process(T0, progress, events, escalations);
        firstHalf().forEach(i -> first.feed(history, i));
        first.advanceTo(at(50)); // reassign at 00:30 and the first-response warning at 00:48 reported here
        int reportedByFirst = events.size();
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(SlaEvent.Warning.class));

        Process second = new Process(at(120), progress, events, escalations);
        second.tracker.restore(history);
        assertThat(events).as("nothing reported again while rebuilding").hasSize(reportedByFirst);
        second.advanceTo(at(120));
        assertThat(events.subList(reportedByFirst, events.size()))
                .as("the first-response breach at 01:00 fell due while down: reported once, at its instant")
                .singleElement().satisfies(e -> {
                    assertThat(e).isInstanceOf(SlaEvent.Breached.class);
                    assertThat(e.at()).isEqualTo(at(60));
                });
        second.feed(history, agentReply("c1", "a2", at(125)));
        second.advanceTo(at(300));

        assertThat(events).containsExactlyElementsOf(expected);
        assertThat(escalations).containsExactlyElementsOf(expectedEscalations);
        assertThat(escalations).filteredOn(s -> s.startsWith("notify")).hasSize(2); // first response, resolution
    }

    @Test
    void shouldReportNothingAgainWhenRestartedTwiceInARow() {
        SlaProgressStore progress = SlaProgressStore.inMemory();
        List<SlaInput> history = new ArrayList<>();
        List<SlaEvent> events = new ArrayList<>();
        List<String> escalations = new ArrayList<>();
        Process first = new Process(T0, progress, events, escalations);
        firstHalf().forEach(i -> first.feed(history, i));
        first.advanceTo(at(70)); // warning and breach of first response reported
        List<SlaEvent> before = List.copyOf(events);
        List<String> escalationsBefore = List.copyOf(escalations);

        for (int restart = 0; restart < 2; restart++) {
            Process next = new Process(at(80), progress, events, escalations);
            next.tracker.restore(history);
            next.advanceTo(at(80));
            assertThat(events).as("restart %d", restart).containsExactlyElementsOf(before);
            assertThat(escalations).containsExactlyElementsOf(escalationsBefore);
            assertThat(next.tracker.snapshot("c1")).hasValueSatisfying(s -> assertThat(s.metrics())
                    .filteredOn(m -> m.metric() == SlaMetric.FIRST_RESPONSE)
                    .singleElement().satisfies(m -> {
                        assertThat(m.breached()).isTrue();
                        assertThat(m.elapsed()).isEqualTo(Duration.ofMinutes(80));
                    }));
        }
    }

    @Test
    void shouldTrustTheLastInputWithoutAProgressStore() {
        List<SlaInput> history = new ArrayList<>();
        List<SlaEvent> events = new ArrayList<>();
        List<String> escalations = new ArrayList<>();
        Process first = new Process(T0, null, events, escalations);
        firstHalf().forEach(i -> first.feed(history, i));
        first.advanceTo(at(15)); // stops before any timer fired
        int reportedByFirst = events.size();

        Process second = new Process(at(120), null, events, escalations);
        second.tracker.restore(history);
        second.advanceTo(at(120));
        List<SlaEvent> after = events.subList(reportedByFirst, events.size());
        assertThat(after).extracting(SlaEvent::at).containsExactly(at(30), at(48), at(60));
        assertThat(after).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ReassignRequested", "Warning", "Breached");
        assertThat(escalations).containsExactly("return c1 from a1 after PT30M",
                "notify lead of " + after.get(2));
    }

    @Test
    void shouldRefuseABadHistoryAndChangeNothing() {
        Process p = new Process(T0, SlaProgressStore.inMemory(), new ArrayList<>(), new ArrayList<>());
        SlaSubject c1 = SlaSubject.builder("c1", Priority.NORMAL).build();
        assertThatThrownBy(() -> p.tracker.restore(List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> p.tracker.restore(List.of(customerMessage("c1", T0))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> p.tracker.restore(List.of(created(c1, T0), customerMessage("c2", at(1)))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> p.tracker.restore(List.of(created(c1, at(5)), customerMessage("c1", at(1)))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(p.tracker.size()).isZero();
        assertThat(p.wheel.pending()).isZero();

        p.tracker.restore(List.of(created(c1, T0)));
        assertThatThrownBy(() -> p.tracker.restore(List.of(created(c1, T0)))).isInstanceOf(ConflictException.class);
        assertThat(p.tracker.size()).isEqualTo(1);
    }
}
