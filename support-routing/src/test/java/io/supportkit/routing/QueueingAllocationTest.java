package io.supportkit.routing;

import io.supportkit.routing.RoutingDecision.Outcome;
import io.supportkit.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import static io.supportkit.routing.Fixtures.agent;
import static io.supportkit.routing.Fixtures.available;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queueing path allocates nothing in steady state: a task that finds no agent joins its lane (and, in a step
 * with a timeout, the deadlines), and leaves both when it is withdrawn, without a map entry, a boxed key or a
 * lane rebuilt per task. Measured with the JVM's per-thread allocation counter, so it holds whether or not the
 * JIT would have removed an allocation.
 */
class QueueingAllocationTest {
    private static final int ROUNDS = 10_000;

    @Test
    void shouldNotAllocateWhenTasksQueueAndAreCancelledInSteadyState() {
        VirtualClock clock = Fixtures.clock();
        Router router = Router.builder().clock(clock)
                .queue(RoutingQueue.of("general"))
                .rule(RoutingRule.builder("timed").when(TaskCondition.always())
                        .step(RoutingStep.to("general").timeout(Duration.ofMinutes(10))).build())
                .defaultQueue("general")
                .build();
        router.upsertAgent(agent("ana", "en", "billing", 5, 1));
        available(router, "ana");
        router.submit(Fixtures.chat("busy", "en", "billing", 1)); // ana is full from here on
        Task[] tasks = new Task[16];
        for (int i = 0; i < tasks.length; i++) {
            tasks[i] = Task.builder("t-" + i, "chat").language(i % 2 == 0 ? "en" : "tr").priority(i % 3)
                    .requireSkill(i % 4 == 0 ? "orders" : "billing", i % 5).build();
        }
        ReusableDecision d = new ReusableDecision();
        queueAndCancel(router, tasks, d, ROUNDS); // lanes, tables and arrays reach their size; code warms up

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        queueAndCancel(router, tasks, d, ROUNDS);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        // one object per round would be at least 16 bytes x 10,000; the slack is for the counter's own reads
        assertThat(allocated).isLessThan(1_024);
        assertThat(router.queueStats("general").waiting()).isZero();
        assertThat(router.nextDeadline()).isEmpty();
    }

    /** Queues four tasks at a time (so lanes hold several), then withdraws them, oldest last. */
    private static void queueAndCancel(Router router, Task[] tasks, ReusableDecision d, int rounds) {
        for (int r = 0; r < rounds; r++) {
            int first = (r * 4) & (tasks.length - 1);
            for (int i = 0; i < 4; i++) {
                if (router.submit(tasks[first + i], d) != Outcome.QUEUED) {
                    throw new AssertionError("expected " + tasks[first + i].id() + " to queue, got " + d.outcome());
                }
            }
            for (int i = 3; i >= 0; i--) {
                router.cancel(tasks[first + i].id());
            }
        }
    }
}
