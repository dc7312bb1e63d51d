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

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Assign-and-release on one thread: one operation routes a task to an agent (a full decision: rule, step,
 * index walk with skills, levels, language, presence and channel capacity, the strategy's tie-break, and the
 * facts of its explanation) and releases it. {@code indexedRouter} uses the allocation-free entry point
 * ({@code submit(Task, ReusableDecision)}: the decision goes into a holder the host owns, the explanation is
 * built only when asked for); {@code indexedRouterImmutableDecision} uses {@code submit(Task)}, which builds a
 * {@code RoutingDecision} with its {@code Explanation} for every call. The host's {@code Task} objects are
 * built once and resubmitted, as a host holding its conversations would. The router is pre-loaded towards half its capacity (tasks that find no agent are cancelled,
 * so there is no backlog: this is the steady state) so agents move in and out of the indexes, and
 * the baseline (a linear scan over all agents, as Chatwoot's auto-assignment does) runs the same workload in the
 * same run.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RoutingAssignReleaseBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RoutingAssignReleaseBenchmark {
    @Param({"100", "1000", "15000"})
    int agents;

    @Param({"1", "4"})
    int skillsPerAgent;

    @Param({"1", "3"})
    int languagesPerAgent;

    @Param({"1", "5", "50"})
    int capacity;

    private Workload workload;
    private Router router;
    private LinearScanRouter baseline;
    private Task[] tasks;
    private String[] ids;
    private int next;
    private final ReusableDecision decision = new ReusableDecision();

    @Setup(Level.Trial)
    public void setUp() {
        workload = new Workload(agents, skillsPerAgent, languagesPerAgent, capacity);
        router = Router.builder().clock(VirtualClock.at(Instant.parse("2026-08-05T09:00:00Z"))).build();
        baseline = new LinearScanRouter(workload.agents);
        workload.agents.forEach(router::upsertAgent);
        workload.agents.forEach(a -> router.setPresence(a.id(), Presence.AVAILABLE));
        // background load: half the capacity, capped to keep the heap small
        int preload = Math.min(agents * capacity / 2, 50_000);
        for (int i = 0; i < preload; i++) {
            int kind = i % Workload.TASK_KINDS;
            Task t = workload.task("bg-" + i, kind);
            if (router.submit(t).outcome() == RoutingDecision.Outcome.QUEUED) {
                router.cancel(t.id()); // steady state: no backlog (RoutingBacklogBenchmark measures one)
            }
            baseline.assign(t.id(), Workload.SKILLS[workload.taskSkill[kind]], workload.taskLevel[kind],
                    Workload.LANGUAGES[workload.taskLanguage[kind]]);
        }
        tasks = new Task[Workload.TASK_KINDS];
        ids = new String[Workload.TASK_KINDS];
        for (int k = 0; k < tasks.length; k++) {
            tasks[k] = workload.task("task-" + k, k);
            ids[k] = tasks[k].id();
        }
        // report how many task kinds find an agent, so a reader knows how often the queue path runs
        int routed = 0;
        int scanned = 0;
        for (int k = 0; k < tasks.length; k++) {
            if (indexedRouter() != null) {
                routed++;
            }
            if (linearScanBaseline() != null) {
                scanned++;
            }
        }
        next = 0;
        System.out.println("task kinds assigned: router " + routed + "/" + tasks.length + ", baseline " + scanned + "/"
                + tasks.length);
    }

    @Benchmark
    public String indexedRouter() {
        int k = next++ & (Workload.TASK_KINDS - 1);
        if (router.submit(tasks[k], decision) == RoutingDecision.Outcome.ASSIGNED) {
            router.release(ids[k]);
        } else {
            router.cancel(ids[k]);
        }
        return decision.agentId();
    }

    @Benchmark
    public String indexedRouterImmutableDecision() {
        int k = next++ & (Workload.TASK_KINDS - 1);
        RoutingDecision d = router.submit(tasks[k]);
        if (d.outcome() == RoutingDecision.Outcome.ASSIGNED) {
            router.release(ids[k]);
        } else {
            router.cancel(ids[k]);
        }
        return d.agentId();
    }

    /**
     * For {@link RoutingDecisionSplit}: submits {@code count} different tasks (each a full decision), then releases
     * them, and adds the nanoseconds of each half to {@code nanos[0]} and {@code nanos[1]}; {@code wasAssigned} is
     * scratch space of at least {@code count}. Returns how many were assigned. With {@code count} 1 the tasks and
     * the order of operations are those of {@link #indexedRouter} (a larger count makes the releases dearer: see
     * {@link RoutingDecisionSplit}).
     */
    int decideThenRelease(int count, long[] nanos, boolean[] wasAssigned) {
        int first = next;
        int assigned = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            wasAssigned[i] = router.submit(tasks[(first + i) & (Workload.TASK_KINDS - 1)], decision)
                    == RoutingDecision.Outcome.ASSIGNED;
        }
        long decided = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String id = ids[(first + i) & (Workload.TASK_KINDS - 1)];
            if (wasAssigned[i]) {
                router.release(id);
                assigned++;
            } else {
                router.cancel(id); // a task that found no agent waits in its queue: withdraw it
            }
        }
        long released = System.nanoTime();
        next = first + count;
        nanos[0] += decided - start;
        nanos[1] += released - decided;
        return assigned;
    }

    @Benchmark
    public String linearScanBaseline() {
        int k = next++ & (Workload.TASK_KINDS - 1);
        String agent = baseline.assign(ids[k], Workload.SKILLS[workload.taskSkill[k]], workload.taskLevel[k],
                Workload.LANGUAGES[workload.taskLanguage[k]]);
        baseline.release(ids[k]);
        return agent;
    }
}
