package io.supportkit.benchmarks.routing;

import io.supportkit.routing.Presence;
import io.supportkit.routing.ReusableDecision;
import io.supportkit.routing.Router;
import io.supportkit.routing.RoutingDecision;
import io.supportkit.routing.Task;
import io.supportkit.time.VirtualClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.ThreadParams;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One router shared by several threads that assign and release at once (15,000 agents, 4 skills, 3 languages,
 * capacity 5, half loaded). Compare the total throughput of {@code -t 1} against {@code -t 2} / {@code -t 4}:
 * the target is at least 60% of the single-thread figure. Each thread owns its {@code ReusableDecision}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RoutingContendedBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -t 2
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
public class RoutingContendedBenchmark {
    @State(Scope.Benchmark)
    public static class Shared {
        @Param({"15000"})
        int agents;

        Router router;
        Workload workload;

        @Setup(Level.Trial)
        public void setUp() {
            workload = new Workload(agents, 4, 3, 5);
            router = Router.builder().clock(VirtualClock.at(Instant.parse("2026-08-05T09:00:00Z"))).build();
            workload.agents.forEach(router::upsertAgent);
            workload.agents.forEach(a -> router.setPresence(a.id(), Presence.AVAILABLE));
            int preload = Math.min(agents * 5 / 2, 50_000);
            for (int i = 0; i < preload; i++) {
                Task t = workload.task("bg-" + i, i % Workload.TASK_KINDS);
                if (router.submit(t).outcome() == RoutingDecision.Outcome.QUEUED) {
                    router.cancel(t.id());
                }
            }
        }
    }

    @State(Scope.Thread)
    public static class PerThread {
        Task[] tasks;
        String[] ids;
        int next;
        final ReusableDecision decision = new ReusableDecision();

        @Setup(Level.Trial)
        public void setUp(Shared shared, ThreadParams thread) {
            tasks = new Task[Workload.TASK_KINDS];
            ids = new String[Workload.TASK_KINDS];
            for (int k = 0; k < tasks.length; k++) {
                tasks[k] = shared.workload.task("t" + thread.getThreadIndex() + "-" + k, k);
                ids[k] = tasks[k].id();
            }
            next = thread.getThreadIndex() * 97;
        }
    }

    @Benchmark
    public String assignAndRelease(Shared shared, PerThread mine) {
        int k = mine.next++ & (Workload.TASK_KINDS - 1);
        if (shared.router.submit(mine.tasks[k], mine.decision) == RoutingDecision.Outcome.ASSIGNED) {
            shared.router.release(mine.ids[k]);
        } else {
            shared.router.cancel(mine.ids[k]);
        }
        return mine.decision.agentId();
    }
}
