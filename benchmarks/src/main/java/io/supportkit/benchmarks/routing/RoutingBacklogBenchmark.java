package io.supportkit.benchmarks.routing;

import io.supportkit.routing.Presence;
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

import io.supportkit.routing.AgentProfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Peak hour: every agent is full and a backlog of tasks waits. One operation releases a task (the agent takes
 * the best waiting task it can serve: the agent-side match over the waiting lanes) and submits a new one, which
 * joins the backlog (or, when it is placed at once, is cancelled to keep the load steady). The baseline scans
 * the waiting tasks oldest first for each release, which is what matching without a waiting-task index costs.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RoutingBacklogBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RoutingBacklogBenchmark {
    @Param({"15000"})
    int agents;

    @Param({"2000", "20000"})
    int backlog;

    private Workload workload;
    private Router router;
    private String[] assigned;
    private int cursor;
    private long nextId;
    private List<Integer> waitingKinds;

    @Setup(Level.Trial)
    public void setUp() {
        workload = new Workload(agents, 4, 3, 1);
        router = Router.builder().clock(VirtualClock.at(Instant.parse("2026-08-05T09:00:00Z"))).build();
        workload.agents.forEach(router::upsertAgent);
        workload.agents.forEach(a -> router.setPresence(a.id(), Presence.AVAILABLE));
        List<String> running = new ArrayList<>();
        int waiting = 0;
        for (long i = 0; waiting < backlog; i++) {
            Task t = workload.task("bg-" + i, (int) (i % Workload.TASK_KINDS));
            RoutingDecision d = router.submit(t);
            if (d.outcome() == RoutingDecision.Outcome.QUEUED) {
                waiting++;
            } else {
                running.add(t.id());
            }
        }
        assigned = running.toArray(new String[0]);
        nextId = 0;
        waitingKinds = new ArrayList<>();
        for (int k = 0; k < backlog; k++) {
            waitingKinds.add(k & (Workload.TASK_KINDS - 1));
        }
    }

    @Benchmark
    public int releaseIntoBacklog() {
        int i = cursor++ % assigned.length;
        List<RoutingDecision> taken = assigned[i] == null ? List.of() : router.release(assigned[i]);
        assigned[i] = taken.isEmpty() ? null : taken.get(0).taskId();
        Task t = workload.task("new-" + nextId++, (int) (nextId & (Workload.TASK_KINDS - 1)));
        if (router.submit(t).outcome() != RoutingDecision.Outcome.QUEUED) {
            if (assigned[i] == null) {
                assigned[i] = t.id();
            } else {
                router.cancel(t.id()); // keep the load steady: the freed agent refills from the backlog
            }
        }
        return taken.size();
    }

    /** The baseline: for each release, scan the waiting tasks oldest first for one the agent can serve. */
    @Benchmark
    public int linearBacklogScanBaseline() {
        int agent = cursor++ % workload.agents.size();
        AgentProfile p = workload.agents.get(agent);
        int found = -1;
        for (int w = 0; w < waitingKinds.size(); w++) {
            int kind = waitingKinds.get(w);
            if (p.languages().contains(Workload.LANGUAGES[workload.taskLanguage[kind]])
                    && p.skillLevel(Workload.SKILLS[workload.taskSkill[kind]]) >= workload.taskLevel[kind]) {
                found = w;
                break;
            }
        }
        if (found >= 0) {
            waitingKinds.remove(found);
        }
        waitingKinds.add((int) (nextId++ & (Workload.TASK_KINDS - 1)));
        return found;
    }
}
