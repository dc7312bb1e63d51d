package io.supportkit.core.sla;

import io.supportkit.storage.Priority;
import io.supportkit.core.timer.TimerWheel;
import io.supportkit.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Inputs for many subjects from several threads while another thread drives the wheel. */
class SlaTrackerConcurrencyTest {
    @Test
    void shouldKeepEverySubjectConsistentUnderConcurrentInputsAndTimers() throws InterruptedException {
        VirtualClock clock = VirtualClock.at(Instant.parse("2026-06-01T00:00:00Z"));
        TimerWheel wheel = TimerWheel.builder().clock(clock).build();
        ConcurrentLinkedQueue<SlaEvent> events = new ConcurrentLinkedQueue<>();
        SlaPolicy policy = SlaPolicy.builder("p")
                .target(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(5), TimeBasis.CALENDAR)
                .target(SlaMetric.AGENT_WORK, Duration.ofMinutes(30), TimeBasis.CALENDAR)
                .build();
        SlaTracker tracker = SlaTracker.builder().policies(SlaPolicies.of(policy)).timers(wheel)
                .listener(events::add).build();
        int threads = 4;
        int perThread = 500;
        AtomicBoolean done = new AtomicBoolean();
        Thread driver = new Thread(() -> {
            while (!done.get()) {
                clock.advance(Duration.ofSeconds(1));
                wheel.advance();
            }
        });
        driver.start();
        List<Thread> feeders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int base = t * perThread;
            feeders.add(new Thread(() -> {
                for (int i = base; i < base + perThread; i++) {
                    String id = "s" + i;
                    tracker.on(SlaInput.created(SlaSubject.builder(id, Priority.NORMAL).build(), clock.instant()));
                    tracker.on(SlaInput.statusChanged(id, SlaStatus.OPEN, clock.instant()));
                    tracker.on(SlaInput.agentReply(id, "a", clock.instant()));
                    tracker.on(SlaInput.statusChanged(id, SlaStatus.SOLVED, clock.instant()));
                }
            }));
        }
        feeders.forEach(Thread::start);
        for (Thread f : feeders) {
            f.join();
        }
        done.set(true);
        driver.join();
        clock.advance(Duration.ofDays(1));
        wheel.advance();

        int total = threads * perThread;
        assertThat(tracker.size()).isEqualTo(total);
        assertThat(wheel.pending()).isZero(); // every clock stopped, every timer cancelled or fired
        for (SlaMetric m : List.of(SlaMetric.FIRST_RESPONSE, SlaMetric.AGENT_WORK)) {
            assertThat(events.stream().filter(e -> e instanceof SlaEvent.Fulfilled f && f.metric() == m).count())
                    .as(m.name()).isEqualTo(total);
        }
        for (int i = 0; i < total; i++) {
            assertThat(tracker.snapshot("s" + i)).get().satisfies(s -> {
                assertThat(s.status()).isEqualTo(SlaStatus.SOLVED);
                assertThat(s.metrics()).allSatisfy(ms -> assertThat(ms.state()).isEqualTo(SlaSnapshot.ClockState.STOPPED));
            });
        }
    }
}
