package io.supportkit.routing.internal;

import io.supportkit.ConflictException;
import io.supportkit.IllegalTransitionException;
import io.supportkit.InvalidInputException;
import io.supportkit.NotFoundException;
import io.supportkit.internal.Require;
import io.supportkit.routing.AgentFilter;
import io.supportkit.routing.AgentProfile;
import io.supportkit.routing.AgentStatus;
import io.supportkit.routing.CandidateVerdict;
import io.supportkit.routing.Explanation;
import io.supportkit.routing.Fallback;
import io.supportkit.routing.Presence;
import io.supportkit.routing.QueueStats;
import io.supportkit.routing.Rejection;
import io.supportkit.routing.RouterStats;
import io.supportkit.routing.RoutingDecision;
import io.supportkit.routing.RoutingDecision.Outcome;
import io.supportkit.routing.RoutingEvent;
import io.supportkit.routing.RoutingQueue;
import io.supportkit.routing.RoutingRule;
import io.supportkit.routing.RoutingStep;
import io.supportkit.routing.RoutingStrategy;
import io.supportkit.routing.SkillRequirement;
import io.supportkit.routing.SkillStats;
import io.supportkit.routing.Task;
import io.supportkit.routing.TaskPhase;
import io.supportkit.routing.TaskStatus;
import io.supportkit.routing.TransferTarget;
import io.supportkit.routing.spi.RoutingListener;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The routing state machine behind {@link io.supportkit.routing.Router}. Every public method takes the one lock,
 * changes state, releases it and then delivers the events it produced on the calling thread.
 *
 * <p>Why one lock: a routing decision reads and writes the load of one agent, the task and the index, and
 * must see all of them consistently; the critical sections are microseconds long, so a single lock gives
 * linearizable operations (no double assignment, no capacity overrun, no lost task, under any interleaving)
 * at a cost far below what finer locking would save. Hosts with several independent workspaces use one router
 * each.
 */
public final class RoutingCore {
    private static final System.Logger LOG = System.getLogger("io.supportkit.routing.Router");

    private final InstantSource clock;
    private final List<RoutingListener> listeners;
    private final List<RoutingRule> rules;
    private final RoutingRule defaultRule;
    private final Fallback defaultFallback;
    private final long stickyWaitMillis;
    private final Presence presenceAfterMissedOffer;
    private final int explainLimit;
    private final TenureLock lock = new TenureLock();

    private final Map<String, QueueRuntime> queues = new LinkedHashMap<>();
    /** The same queues in an array, for the loops that visit them all (no iterator). */
    private final QueueRuntime[] queueList;
    private final List<RoutingStrategy> strategies = new ArrayList<>();
    private final Map<String, RoutingRule> syntheticRules = new HashMap<>();
    private final Interner channels = new Interner("channel", 1 << 14);
    private final Interner languages = new Interner("language", (1 << 14) - 2);
    private final Interner skills = new Interner("skill", (1 << 20) - 2);
    private final HashMap<String, AgentState> agentsById = new HashMap<>();
    private AgentState[] agents = new AgentState[64];
    private int agentSlots;
    private final LongObjectMap<Bucket> buckets = new LongObjectMap<>();
    private final IndexNodes indexNodes = new IndexNodes();
    private final TaskTable tasks = new TaskTable();
    /** Records of tasks that left, reused by later submits (bounded: a burst's worth is enough). */
    private final TaskRecord[] recordPool = new TaskRecord[1024];
    private int pooledRecords;
    private final DeadlineHeap timers = new DeadlineHeap();
    private ArrayList<RoutingEvent> pending = new ArrayList<>();
    /**
     * The decision being made; decisions are made one at a time under the lock, so one record is reused. While an
     * allocation-free submit runs, this is the host's own record, so the facts are written once, not copied.
     */
    private DecisionRecord decision;
    private final DecisionRecord ownDecision;
    /** Scratch for formatting one verdict in {@link #diagnose}. */
    private final DecisionRecord verdict = new DecisionRecord(1);

    private long seq;
    /** Scratch for {@link #bestWaitingFor}: per lane being merged, its next task and its queue. */
    private TaskRecord[] mergeHeads = new TaskRecord[8];
    private QueueRuntime[] mergeQueues = new QueueRuntime[8];
    private long eventSeq;
    private int waitingTotal;
    private long submitted;
    private long assignedTotal;
    private long transfers;
    private long fellBack;

    public RoutingCore(InstantSource clock, List<RoutingListener> listeners, List<RoutingQueue> queueSpecs,
                       List<RoutingRule> rules, String defaultQueue, Fallback defaultFallback, Duration stickyWait,
                       Presence presenceAfterMissedOffer, int explainLimit) {
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
        this.rules = List.copyOf(rules);
        this.defaultFallback = defaultFallback;
        this.stickyWaitMillis = stickyWait.toMillis();
        this.presenceAfterMissedOffer = presenceAfterMissedOffer;
        this.explainLimit = explainLimit;
        this.ownDecision = new DecisionRecord(explainLimit);
        this.decision = ownDecision;
        for (RoutingQueue q : queueSpecs) {
            int si = strategies.indexOf(q.strategy());
            if (si < 0) {
                si = strategies.size();
                strategies.add(q.strategy());
            }
            queues.put(q.id(), new QueueRuntime(q, si));
        }
        this.queueList = queues.values().toArray(new QueueRuntime[0]);
        this.defaultRule = new RoutingRule("default", t -> true, List.of(RoutingStep.to(defaultQueue)), null);
    }

    // ------------------------------------------------------------------------------------------------ agents

    public List<RoutingDecision> upsertAgent(AgentProfile profile) {
        Require.nonNull(profile, "profile");
        List<RoutingDecision> out;
        lock.lock();
        try {
            long now = clock.millis();
            AgentState a = agentsById.get(profile.id());
            if (a == null) {
                a = newAgent(profile.id(), now);
            } else {
                indexNodes.leaveAll(a);
            }
            applyProfile(a, profile);
            int qualified = 0;
            for (int i = 0; i < indexNodes.bucketCount(); i++) {
                if (qualifies(a, indexNodes.bucket(i))) {
                    qualified++;
                }
            }
            indexNodes.reserve(a, qualified);
            for (int i = 0; i < indexNodes.bucketCount(); i++) {
                Bucket b = indexNodes.bucket(i);
                if (qualifies(a, b)) {
                    indexNodes.join(a, b);
                }
            }
            reindex(a);
            out = fill(a, now, "profile updated", null);
        } finally {
            lock.unlock();
        }
        dispatch();
        return out;
    }

    private AgentState newAgent(String id, long now) {
        AgentState a = new AgentState(agentSlots++);
        if (a.ordinal >= agents.length) {
            agents = Arrays.copyOf(agents, agents.length * 2);
        }
        agents[a.ordinal] = a;
        agentsById.put(id, a);
        a.presenceSinceMillis = now;
        a.activityAtMillis = now;
        a.activitySeq = ++seq;
        a.assignSeq = ++seq;
        return a;
    }

    private void applyProfile(AgentState a, AgentProfile p) {
        a.profile = p;
        a.id = p.id();
        int maxSkill = -1;
        int[] ids = new int[p.skills().size()];
        int[] levels = new int[ids.length];
        int i = 0;
        for (Map.Entry<String, Integer> e : p.skills().entrySet()) {
            ids[i] = skills.intern(e.getKey());
            levels[i] = e.getValue();
            maxSkill = Math.max(maxSkill, ids[i]);
            i++;
        }
        int[] skillLevel = new int[maxSkill + 1];
        Arrays.fill(skillLevel, -1);
        for (int k = 0; k < ids.length; k++) {
            skillLevel[ids[k]] = levels[k];
        }
        int[] langs = new int[p.languages().size()];
        int l = 0;
        for (String lang : p.languages()) {
            langs[l++] = languages.intern(lang);
        }
        a.setLanguages(langs);
        int maxChannel = -1;
        Map<Integer, Integer> caps = new HashMap<>();
        for (Map.Entry<String, Integer> e : p.capacities().entrySet()) {
            int c = channels.intern(e.getKey());
            caps.put(c, e.getValue());
            maxChannel = Math.max(maxChannel, c);
        }
        int[] cap = new int[maxChannel + 1];
        caps.forEach((c, v) -> cap[c] = v);
        a.setCapacitiesAndLevels(cap, skillLevel);
        a.totalCap = p.totalCapacity();
        int[] ranks = new int[strategies.size()];
        for (int s = 0; s < ranks.length; s++) {
            ranks[s] = strategies.get(s).rank(p);
        }
        a.customRanks = ranks;
    }

    public void removeAgent(String agentId) {
        Require.id(agentId, "agentId");
        lock.lock();
        try {
            AgentState a = agent(agentId);
            if (a.openTasks > 0) {
                throw new ConflictException("agent '" + agentId + "' still has " + a.openTasks
                        + " open tasks; release, cancel or transfer them first");
            }
            indexNodes.release(a);
            a.removed = true;
            agentsById.remove(agentId);
            for (TaskRecord t : tasks.values()) {
                if (t.sticky == a) {
                    t.sticky = null;
                }
                if (t.pinned == a) {
                    t.pinned = null;
                }
            }
        } finally {
            lock.unlock();
        }
        dispatch();
    }

    public List<RoutingDecision> setPresence(String agentId, Presence presence) {
        Require.id(agentId, "agentId");
        Require.nonNull(presence, "presence");
        List<RoutingDecision> out;
        lock.lock();
        try {
            long now = clock.millis();
            AgentState a = agent(agentId);
            out = changePresence(a, presence, now);
        } finally {
            lock.unlock();
        }
        dispatch();
        return out;
    }

    private List<RoutingDecision> changePresence(AgentState a, Presence presence, long now) {
        Presence from = a.presence;
        if (from == presence) {
            return List.of();
        }
        a.presence = presence;
        a.presenceSinceMillis = now;
        if (presence.routable()) {
            a.activitySeq = ++seq;
            a.activityAtMillis = now;
        }
        reindex(a);
        if (!listeners.isEmpty()) {
            pending.add(new RoutingEvent.PresenceChanged(Instant.ofEpochMilli(now), ++eventSeq, a.profile.id(), from,
                    presence));
        }
        if (presence.routable()) {
            return fill(a, now, "became available", null);
        }
        // tasks held for this agent by the sticky wait must not wait for someone who left
        List<RoutingDecision> out = null;
        if (waitingTotal > 0) {
            List<TaskRecord> held = new ArrayList<>();
            for (TaskRecord t : tasks.values()) {
                if (t.sticky == a && t.phase == TaskPhase.WAITING) {
                    held.add(t);
                }
            }
            for (TaskRecord t : held) {
                t.sticky = null;
                RoutingDecision d = tryRoute(t, now, "previous agent " + a.profile.id() + " became " + presence);
                out = add(out, d);
            }
        }
        return out == null ? List.of() : out;
    }

    public AgentStatus agentStatus(String agentId) {
        Require.id(agentId, "agentId");
        lock.lock();
        try {
            AgentState a = agent(agentId);
            Map<String, Integer> used = new LinkedHashMap<>();
            for (String channel : a.profile.capacities().keySet()) {
                used.put(channel, a.used(channels.find(channel)));
            }
            return new AgentStatus(a.profile, a.presence, Instant.ofEpochMilli(a.presenceSinceMillis), a.openTasks,
                    used, a.totalUsed);
        } finally {
            lock.unlock();
        }
    }

    private AgentState agent(String agentId) {
        AgentState a = agentsById.get(agentId);
        if (a == null) {
            throw new NotFoundException("no agent '" + agentId + "'");
        }
        return a;
    }

    // ------------------------------------------------------------------------------------------------ tasks

    public RoutingDecision submit(Task task) {
        Require.nonNull(task, "task");
        RoutingDecision d;
        lock.lock();
        try {
            submitLocked(task);
            d = decision.toDecision();
        } finally {
            lock.unlock();
        }
        dispatch();
        return d;
    }

    /**
     * Routes a task and records the decision's facts straight into a host-owned record: allocates nothing in steady
     * state. Every refusal (a task already routed, too many skills) is thrown before the record is first written,
     * so a refused submit leaves the host's record as it was.
     */
    public Outcome submit(Task task, DecisionRecord into) {
        Require.nonNull(task, "task");
        Require.nonNull(into, "into");
        Outcome outcome;
        lock.lock();
        try {
            into.limit(explainLimit);
            decision = into;
            outcome = submitLocked(task);
        } finally {
            decision = ownDecision;
            lock.unlock();
        }
        dispatch();
        return outcome;
    }

    private Outcome submitLocked(Task task) {
        long now = clock.millis();
        int found = tasks.find(task.id());
        if (found >= 0) {
            throw new ConflictException("task '" + task.id() + "' is already in the router");
        }
        RoutingRule rule = defaultRule;
        for (int i = 0; i < rules.size(); i++) {
            RoutingRule r = rules.get(i);
            if (r.when().matches(task)) {
                rule = r;
                break;
            }
        }
        long created = task.createdAt() == null ? now : task.createdAt().toEpochMilli();
        List<SkillRequirement> reqs = task.skills();
        int lang = task.language() == null ? -1 : languages.intern(task.language());
        int channel = channels.intern(task.channel());
        int skillCount = reqs.size();
        // a record interning too many skills throws before it is stored: it is simply dropped from the pool
        TaskRecord t = pooledRecords > 0 ? recordPool[--pooledRecords] : new TaskRecord();
        recordPool[pooledRecords] = null;
        t.init(task, ++seq, created, channel, lang, skillCount);
        for (int i = 0; i < skillCount; i++) {
            SkillRequirement r = reqs.get(i);
            t.skills[i] = skills.intern(r.skill());
            t.minLevels[i] = r.minLevel();
            t.dropAtMillis[i] = r.dropAfter() == null ? TaskRecord.NO_DEADLINE : created + r.dropAfter().toMillis();
        }
        t.rule = rule;
        t.ruleName = rule.name();
        dropExpiredOptionalSkills(t, now);
        if (task.lastAgentId() != null) {
            AgentState s = agentsById.get(task.lastAgentId());
            if (s != null && s.presence.routable()) {
                t.sticky = s;
                t.stickyUntilMillis = now + stickyWaitMillis;
            }
        }
        tasks.putAbsent(found, task.id(), t); // nothing above changed the table since find()
        submitted++;
        int step = stepFor(rule, now - created);
        if (step >= rule.steps().size()) {
            t.step = rule.steps().size() - 1;
            t.queue = queueOf(rule.steps().get(t.step));
            return fallBackInto(t, now, "submitted older than the last step of rule '" + rule.name() + "'");
        }
        t.step = step;
        t.queue = queueOf(rule.steps().get(step));
        return route(t, now, "submitted");
    }

    /** The task left the router for good: forget it and keep its record for a later task. */
    private void retire(TaskRecord t) {
        tasks.remove(t.task.id());
        cancelTimer(t);
        t.clear();
        if (pooledRecords < recordPool.length) {
            recordPool[pooledRecords++] = t;
        }
    }

    public RoutingDecision accept(String taskId, String agentId) {
        Require.id(taskId, "taskId");
        Require.id(agentId, "agentId");
        RoutingDecision d;
        lock.lock();
        try {
            long now = clock.millis();
            TaskRecord t = offeredTo(taskId, agentId, "accept");
            QueueRuntime q = t.queue;
            q.offered--;
            t.offerExpiresAtMillis = TaskRecord.NO_DEADLINE;
            updateTimer(t);
            if (!listeners.isEmpty()) {
                pending.add(new RoutingEvent.OfferAccepted(Instant.ofEpochMilli(now), ++eventSeq, taskId, agentId));
            }
            markAssigned(t, now);
            d = new RoutingDecision(Outcome.ASSIGNED, taskId, agentId, q.spec.id(), t.ruleName, t.step,
                    Instant.ofEpochMilli(now), null, null, new Explanation("offer accepted", q.spec.strategy().name(),
                    "", 0, List.of(), 0, () -> "accepted by " + agentId));
        } finally {
            lock.unlock();
        }
        dispatch();
        return d;
    }

    public List<RoutingDecision> reject(String taskId, String agentId) {
        Require.id(taskId, "taskId");
        Require.id(agentId, "agentId");
        List<RoutingDecision> out;
        lock.lock();
        try {
            long now = clock.millis();
            TaskRecord t = offeredTo(taskId, agentId, "reject");
            if (!listeners.isEmpty()) {
                pending.add(new RoutingEvent.OfferRejected(Instant.ofEpochMilli(now), ++eventSeq, taskId, agentId));
            }
            out = returnOffer(t, now, "offer rejected by " + agentId, null);
        } finally {
            lock.unlock();
        }
        dispatch();
        return out;
    }

    private TaskRecord offeredTo(String taskId, String agentId, String action) {
        TaskRecord t = task(taskId);
        if (t.phase != TaskPhase.OFFERED) {
            throw new IllegalTransitionException("cannot " + action + " task '" + taskId + "': it is " + t.phase
                    + ", not OFFERED");
        }
        if (!t.agent.profile.id().equals(agentId)) {
            throw new IllegalTransitionException("cannot " + action + " task '" + taskId + "' as '" + agentId
                    + "': it is offered to '" + t.agent.profile.id() + "'");
        }
        return t;
    }

    /** Rejected or expired offer: free the reservation, never offer it to that agent again, route again. */
    private List<RoutingDecision> returnOffer(TaskRecord t, long now, String trigger, Presence presenceAfter) {
        AgentState a = t.agent;
        free(t);
        t.queue.offered--;
        t.exclude(a.ordinal);
        t.phase = TaskPhase.WAITING;
        t.offerExpiresAtMillis = TaskRecord.NO_DEADLINE;
        List<RoutingDecision> out = reevaluate(t, now, trigger, true);
        if (presenceAfter != null) {
            out = concat(out, changePresence(a, presenceAfter, now));
        }
        reindex(a);
        return concat(out, fill(a, now, "has a returned reservation free", null));
    }

    public List<RoutingDecision> release(String taskId) {
        Require.id(taskId, "taskId");
        List<RoutingDecision> out;
        lock.lock();
        try {
            long now = clock.millis();
            TaskRecord t = task(taskId);
            if (t.phase != TaskPhase.ASSIGNED) {
                throw new IllegalTransitionException("cannot release task '" + taskId + "': it is " + t.phase
                        + "; cancel it instead");
            }
            AgentState a = t.agent;
            QueueRuntime q = t.queue;
            freeWithoutReindex(t);
            q.assigned--;
            long handled = now - t.assignedAtMillis;
            q.averageHandleMillis = QueueRuntime.ewma(q.averageHandleMillis, Math.max(0, handled));
            retire(t);
            a.activitySeq = ++seq;
            a.activityAtMillis = now;
            reindex(a);
            if (!listeners.isEmpty()) {
                pending.add(new RoutingEvent.TaskReleased(Instant.ofEpochMilli(now), ++eventSeq, taskId,
                        a.profile.id(), Duration.ofMillis(Math.max(0, handled))));
            }
            out = fill(a, now, "finished task", taskId);
        } finally {
            lock.unlock();
        }
        dispatch();
        return out;
    }

    public List<RoutingDecision> cancel(String taskId) {
        Require.id(taskId, "taskId");
        List<RoutingDecision> out = List.of();
        lock.lock();
        try {
            long now = clock.millis();
            TaskRecord t = task(taskId);
            TaskPhase phase = t.phase;
            AgentState a = t.agent;
            if (phase == TaskPhase.WAITING) {
                leaveLane(t);
            } else {
                free(t);
                if (phase == TaskPhase.OFFERED) {
                    t.queue.offered--;
                } else {
                    t.queue.assigned--;
                }
            }
            retire(t);
            if (!listeners.isEmpty()) {
                pending.add(new RoutingEvent.TaskCancelled(Instant.ofEpochMilli(now), ++eventSeq, taskId, phase));
            }
            if (a != null) {
                a.activitySeq = ++seq;
                a.activityAtMillis = now;
                reindex(a);
                out = fill(a, now, "freed by cancelled task", taskId);
            }
        } finally {
            lock.unlock();
        }
        dispatch();
        return out;
    }

    public List<RoutingDecision> transfer(String taskId, TransferTarget target) {
        Require.id(taskId, "taskId");
        Require.nonNull(target, "target");
        List<RoutingDecision> out;
        lock.lock();
        try {
            long now = clock.millis();
            TaskRecord t = task(taskId);
            if (t.phase != TaskPhase.ASSIGNED) {
                throw new IllegalTransitionException("cannot transfer task '" + taskId + "': it is " + t.phase
                        + ", not ASSIGNED");
            }
            AgentState from = t.agent;
            // validate the target before changing anything
            AgentState toAgent = null;
            RoutingRule rule;
            if (target instanceof TransferTarget.ToAgent ta) {
                toAgent = agent(ta.agentId());
                if (toAgent == from) {
                    throw new InvalidInputException("cannot transfer task '" + taskId + "' to its own agent '"
                            + ta.agentId() + "'");
                }
                rule = synthetic("transfer", t.queue.spec.id(), AgentFilter.any());
            } else if (target instanceof TransferTarget.ToTeam tt) {
                rule = new RoutingRule("transfer", x -> true,
                        List.of(RoutingStep.to(t.queue.spec.id()).agents(AgentFilter.inTeam(tt.team()))), null);
            } else {
                String queueId = ((TransferTarget.ToQueue) target).queueId();
                if (!queues.containsKey(queueId)) {
                    throw new NotFoundException("no queue '" + queueId + "'");
                }
                rule = synthetic("transfer", queueId, AgentFilter.any());
            }
            QueueRuntime q = t.queue;
            free(t);
            q.assigned--;
            t.exclude(from.ordinal);
            t.transfers++;
            transfers++;
            t.phase = TaskPhase.WAITING;
            t.sticky = null;
            t.pinned = toAgent;
            t.rule = rule;
            t.ruleName = rule.name();
            t.step = 0;
            t.queue = queueOf(rule.steps().get(0));
            from.activitySeq = ++seq;
            from.activityAtMillis = now;
            reindex(from);
            if (!listeners.isEmpty()) {
                pending.add(new RoutingEvent.TaskTransferred(Instant.ofEpochMilli(now), ++eventSeq, taskId,
                        from.profile.id(), target, t.transfers));
            }
            out = add(null, tryRoute(t, now, "transferred by " + from.profile.id()));
            out = concat(out, fill(from, now, "transferred task", taskId));
        } finally {
            lock.unlock();
        }
        dispatch();
        return out;
    }

    public Optional<TaskStatus> taskStatus(String taskId) {
        Require.id(taskId, "taskId");
        lock.lock();
        try {
            TaskRecord t = tasks.get(taskId);
            if (t == null) {
                return Optional.empty();
            }
            Set<String> excluded = new LinkedHashSet<>();
            for (int i = 0; i < t.excludedCount; i++) {
                excluded.add(agents[t.excluded[i]].profile.id());
            }
            return Optional.of(new TaskStatus(t.task, t.phase, t.agent == null ? null : t.agent.profile.id(),
                    t.queue.spec.id(), t.ruleName, t.step, Instant.ofEpochMilli(t.createdAtMillis), t.transfers,
                    excluded));
        } finally {
            lock.unlock();
        }
    }

    private TaskRecord task(String taskId) {
        TaskRecord t = tasks.get(taskId);
        if (t == null) {
            throw new NotFoundException("no task '" + taskId + "' in the router");
        }
        return t;
    }

    // ------------------------------------------------------------------------------------------------ time

    public List<RoutingDecision> tick() {
        List<RoutingDecision> out = null;
        lock.lock();
        try {
            long now = clock.millis();
            while (!timers.isEmpty() && timers.first().deadline <= now) {
                TaskRecord t = timers.pollFirst();
                t.timerQueued = false;
                if (t.phase == TaskPhase.OFFERED && t.offerExpiresAtMillis <= now) {
                    AgentState a = t.agent;
                    if (!listeners.isEmpty()) {
                        pending.add(new RoutingEvent.OfferExpired(Instant.ofEpochMilli(now), ++eventSeq,
                                t.task.id(), a.profile.id()));
                    }
                    out = concat(out, returnOffer(t, now, "offer to " + a.profile.id() + " expired",
                            presenceAfterMissedOffer));
                } else if (t.phase == TaskPhase.WAITING) {
                    out = concat(out, reevaluate(t, now, "timeout", false));
                } else {
                    updateTimer(t);
                }
            }
        } finally {
            lock.unlock();
        }
        dispatch();
        return out == null ? List.of() : out;
    }

    /** The earliest moment a {@link #tick()} has work to do, or empty when no timer is pending. */
    public Optional<Instant> nextDeadline() {
        lock.lock();
        try {
            return timers.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(timers.first().deadline));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Applies the passage of time to a waiting task (dropped optional skills, expired sticky wait, overflow to
     * later steps, fallback) and tries to route it.
     */
    private List<RoutingDecision> reevaluate(TaskRecord t, long now, String trigger, boolean alwaysReport) {
        boolean relaxed = dropExpiredOptionalSkills(t, now);
        if (t.sticky != null && now >= t.stickyUntilMillis) {
            t.sticky = null;
            relaxed = true;
        }
        RoutingRule rule = t.rule;
        int step = stepFor(rule, now - t.createdAtMillis);
        if (step != t.step) {
            if (step >= rule.steps().size()) {
                return add(null, fallBack(t, now, "task outlived the last step of rule '" + rule.name() + "'"));
            }
            QueueRuntime from = t.queue;
            int fromStep = t.step;
            leaveLane(t);
            from.overflowedOut++;
            t.step = step;
            t.queue = queueOf(rule.steps().get(step));
            if (!listeners.isEmpty()) {
                pending.add(new RoutingEvent.TaskOverflowed(Instant.ofEpochMilli(now), ++eventSeq, t.task.id(),
                        from.spec.id(), fromStep, t.queue.spec.id(), step));
            }
            return add(null, tryRoute(t, now, "overflow from step " + fromStep + " (" + from.spec.id() + ")"));
        }
        if (relaxed || alwaysReport || !t.inLane) {
            RoutingDecision d = tryRoute(t, now, trigger);
            if (alwaysReport || d.outcome() != Outcome.QUEUED) {
                return add(null, d);
            }
            return null;
        }
        updateTimer(t);
        return null;
    }

    private boolean dropExpiredOptionalSkills(TaskRecord t, long now) {
        boolean dropped = false;
        for (int i = 0; i < t.skillCount; i++) {
            if (t.skillActive(i) && t.dropAtMillis[i] <= now) {
                t.activeSkills &= ~(1 << i);
                dropped = true;
            }
        }
        return dropped;
    }

    private static int stepFor(RoutingRule rule, long ageMillis) {
        List<RoutingStep> steps = rule.steps();
        for (int i = 0; i < steps.size(); i++) {
            Duration timeout = steps.get(i).timeout();
            if (timeout == null || ageMillis < timeout.toMillis()) {
                return i;
            }
        }
        return steps.size();
    }

    private RoutingDecision fallBack(TaskRecord t, long now, String why) {
        fallBackInto(t, now, why);
        return decision.toDecision();
    }

    /** Sends the task past its last step; records the decision in {@link #decision}. */
    private Outcome fallBackInto(TaskRecord t, long now, String why) {
        Fallback fb = t.rule.fallback() != null ? t.rule.fallback() : defaultFallback;
        QueueRuntime from = t.queue;
        leaveLane(t);
        if (!listeners.isEmpty()) {
            pending.add(new RoutingEvent.TaskFellBack(Instant.ofEpochMilli(now), ++eventSeq, t.task.id(), fb));
        }
        if (fb instanceof Fallback.Queue fq) {
            RoutingRule rule = synthetic("fallback", fq.queueId(), AgentFilter.any());
            t.rule = rule;
            t.ruleName = rule.name();
            t.step = 0;
            t.queue = queueOf(rule.steps().get(0));
            return route(t, now, why + "; fell back to queue " + fq.queueId());
        }
        from.fellBack++;
        fellBack++;
        DecisionRecord d = decision;
        d.reset(why, from.spec.strategy());
        d.tieBreak = DecisionRecord.TieBreak.TIMED_OUT;
        record(d, Outcome.FELL_BACK, t, null, null, now);
        d.fallback = fb;
        retire(t);
        return Outcome.FELL_BACK;
    }

    private void record(DecisionRecord d, Outcome outcome, TaskRecord t, AgentState agent, String queueId, long now) {
        d.outcome = outcome;
        d.taskId = t.task.id();
        d.agentId = agent == null ? null : agent.id;
        d.queueId = queueId;
        d.rule = t.ruleName;
        d.step = t.step;
        d.atMillis = now;
    }

    // ------------------------------------------------------------------------------------------------ routing

    /** {@link #route} for the paths that hand out immutable decisions. */
    private RoutingDecision tryRoute(TaskRecord t, long now, String trigger) {
        route(t, now, trigger);
        return decision.toDecision();
    }

    /** Task-side routing: find an agent for {@code t} now, else queue it; records the decision in {@link #decision}. */
    private Outcome route(TaskRecord t, long now, String trigger) {
        QueueRuntime q = t.queue;
        RoutingStrategy strategy = strategies.get(q.strategyIndex);
        DecisionRecord ex = decision;
        ex.reset(trigger, strategy);
        AgentState chosen = null;
        if (t.pinned != null) {
            ex.index("transfer target " + t.pinned.profile.id(), 1);
            Rejection r = rejection(t.pinned, t);
            if (r == null) {
                chosen = t.pinned;
                ex.tieBreak = DecisionRecord.TieBreak.TRANSFER;
                ex.tieSubject = chosen.profile.id();
            } else {
                skip(ex, t.pinned, t, r, false);
            }
        } else {
            if (t.sticky != null) {
                AgentState s = t.sticky;
                Rejection r = rejection(s, t);
                if (r == null) {
                    chosen = s;
                    ex.index("previous agent " + s.profile.id(), 1);
                    ex.tieBreak = DecisionRecord.TieBreak.STICKY;
                    ex.tieSubject = s.profile.id();
                } else if (t.stickyActive(now) && s.presence.routable()
                        && (r == Rejection.CHANNEL_FULL || r == Rejection.TOTAL_FULL)) {
                    ex.index("previous agent " + s.profile.id(), 1);
                    skip(ex, s, t, r, false);
                    ex.tieBreak = DecisionRecord.TieBreak.HELD_FOR_PREVIOUS;
                    ex.tieSubject = s.profile.id();
                    ex.tieTime = t.stickyUntilMillis;
                    return enqueue(t, now);
                } else {
                    skip(ex, s, t, r, true);
                    t.sticky = null;
                }
            }
            if (chosen == null) {
                chosen = searchIndex(t, q, strategy, ex);
            }
        }
        if (chosen == null) {
            if (ex.tieBreak == DecisionRecord.TieBreak.NONE) {
                ex.tieBreak = DecisionRecord.TieBreak.NO_ELIGIBLE_AGENT;
            }
            return enqueue(t, now);
        }
        return assign(t, chosen, now);
    }

    private AgentState searchIndex(TaskRecord t, QueueRuntime q, RoutingStrategy strategy, DecisionRecord ex) {
        int si = q.strategyIndex;
        Bucket best = null;
        for (int i = 0; i < t.skillCount; i++) {
            if (!t.skillActive(i)) {
                continue;
            }
            Bucket b = bucket(si, t.channel, t.language, t.skills[i]);
            if (strategy.kind() == RoutingStrategy.Kind.MOST_SKILLED) {
                best = b;
                break;
            }
            if (best == null || b.size() < best.size()) {
                best = b;
            }
        }
        if (best == null) {
            best = bucket(si, t.channel, t.language, -1);
        }
        ex.index(best.description, best.size());
        int mostSkilledFloor = Integer.MAX_VALUE;
        if (strategy.kind() == RoutingStrategy.Kind.MOST_SKILLED && best.skill >= 0) {
            for (int i = 0; i < t.skillCount; i++) {
                if (t.skills[i] == best.skill) {
                    mostSkilledFloor = -t.minLevels[i];
                }
            }
        }
        for (int g = 0; g < best.groupCount(); g++) {
            int groupKey = best.groupKey(g);
            if (groupKey > mostSkilledFloor) {
                break; // most-skilled groups are ordered by level, highest first: the rest are below the minimum
            }
            int o = best.groupHead(g);
            while (o != Bucket.NONE) {
                int nx = best.next(o);
                AgentState a = agents[best.agentOf(o)];
                if (!listable(a, best)) {
                    best.unlink(o); // defensive, as below: never pick an agent that is not listable
                    o = nx;
                    continue;
                }
                int gk = groupKey(best, a);
                long ok = orderKey(best, a);
                if (!best.isInPlace(o, gk, ok)) {
                    // defensive: every change reindexes at once, but should a key have grown without it, move
                    // the entry to where it belongs now (later) rather than trust a stale order
                    best.unlink(o);
                    best.link(o, gk, ok);
                    boolean stillHere = gk == groupKey && best.next(o) == nx;
                    o = stillHere ? o : nx;
                    continue;
                }
                Rejection r = rejection(a, t);
                if (r == null) {
                    ex.tieGroup = groupKey;
                    return a;
                }
                skip(ex, a, t, r, false);
                o = nx;
            }
        }
        return null;
    }

    /** Gives {@code t} to {@code a} (assignment or offer); records the decision in {@link #decision}. */
    private Outcome assign(TaskRecord t, AgentState a, long now) {
        QueueRuntime q = t.queue;
        DecisionRecord d = decision;
        if (d.tieBreak == DecisionRecord.TieBreak.NONE) {
            // the facts of the strategy's tie-break, taken before the agent's state changes below
            d.tieBreak = DecisionRecord.TieBreak.STRATEGY;
            d.tieFirst = d.considered == 0 && d.notShown == 0;
            d.tieIndexed = d.indexed;
            d.tieIndex = d.indexDescription;
            d.tieTime = Math.max(0, now - a.activityAtMillis);
        }
        int cost = a.cost(t.task.units(), t.task.percentOfCapacity());
        a.addUsed(t.channel, cost);
        a.openTasks++;
        a.assignSeq = ++seq;
        a.activitySeq = ++seq;
        a.activityAtMillis = now;
        t.agent = a;
        t.agentCost = cost;
        t.sticky = null;
        leaveLane(t);
        Outcome outcome;
        if (q.spec.offerTimeout() != null) {
            t.phase = TaskPhase.OFFERED;
            t.offerExpiresAtMillis = now + q.spec.offerTimeout().toMillis();
            q.offered++;
            if (!listeners.isEmpty()) {
                pending.add(new RoutingEvent.TaskOffered(Instant.ofEpochMilli(now), ++eventSeq, t.task.id(),
                        a.profile.id(), q.spec.id(), Instant.ofEpochMilli(t.offerExpiresAtMillis)));
            }
            outcome = Outcome.OFFERED;
            record(d, outcome, t, a, q.spec.id(), now);
            d.offerExpiresAtMillis = t.offerExpiresAtMillis;
        } else {
            markAssigned(t, now);
            outcome = Outcome.ASSIGNED;
            record(d, outcome, t, a, q.spec.id(), now);
        }
        updateTimer(t);
        reindex(a);
        return outcome;
    }

    private void markAssigned(TaskRecord t, long now) {
        QueueRuntime q = t.queue;
        t.phase = TaskPhase.ASSIGNED;
        t.assignedAtMillis = now;
        q.assigned++;
        q.assignedTotal++;
        assignedTotal++;
        long waited = Math.max(0, now - t.createdAtMillis);
        q.averageWaitMillis = QueueRuntime.ewma(q.averageWaitMillis, waited);
        if (!listeners.isEmpty()) {
            pending.add(new RoutingEvent.TaskAssigned(Instant.ofEpochMilli(now), ++eventSeq, t.task.id(),
                    t.agent.profile.id(), q.spec.id(), Duration.ofMillis(waited)));
        }
    }

    /** Puts {@code t} in its queue to wait; records the decision in {@link #decision}. */
    private Outcome enqueue(TaskRecord t, long now) {
        if (!t.inLane) {
            t.queue.add(t);
            t.inLane = true;
            t.enqueuedAtMillis = now;
            waitingTotal++;
            if (!listeners.isEmpty()) {
                pending.add(new RoutingEvent.TaskQueued(Instant.ofEpochMilli(now), ++eventSeq, t.task.id(),
                        t.queue.spec.id(), t.ruleName, t.step));
            }
        }
        t.phase = TaskPhase.WAITING;
        t.agent = null;
        updateTimer(t);
        record(decision, Outcome.QUEUED, t, null, t.queue.spec.id(), now);
        return Outcome.QUEUED;
    }

    private void leaveLane(TaskRecord t) {
        if (t.inLane) {
            t.queue.remove(t);
            t.inLane = false;
            waitingTotal--;
        }
    }

    private void free(TaskRecord t) {
        AgentState a = t.agent;
        freeWithoutReindex(t);
        reindex(a);
    }

    private static void freeWithoutReindex(TaskRecord t) {
        AgentState a = t.agent;
        a.addUsed(t.channel, -t.agentCost);
        a.openTasks--;
        t.agent = null;
        t.agentCost = 0;
    }

    /**
     * Agent-side routing: the agent has room again, so give it the best waiting tasks it can serve (highest
     * effective priority, then oldest), until it is full or nothing fits.
     */
    private List<RoutingDecision> fill(AgentState a, long now, String why, String subject) {
        List<RoutingDecision> out = null;
        while (waitingTotal > 0 && a.presence.routable() && !a.removed && hasSpare(a)) {
            TaskRecord t = bestWaitingFor(a, now);
            if (t == null) {
                break;
            }
            QueueRuntime q = t.queue;
            String trigger = "agent " + a.profile.id() + " " + why + (subject == null ? "" : " " + subject);
            DecisionRecord d = decision;
            d.reset(trigger, strategies.get(q.strategyIndex));
            d.index("waiting tasks, by priority then age", waitingTotal);
            d.tieBreak = DecisionRecord.TieBreak.WAITING_TASK;
            d.tieGroup = q.effectivePriority(t, now);
            d.tieTime = t.createdAtMillis;
            d.tieSubject = a.profile.id();
            assign(t, a, now);
            out = add(out, d.toDecision());
        }
        return out == null ? List.of() : out;
    }

    /**
     * Merges, in priority/age order, the lanes {@code a} may serve and returns the first task it can take. The
     * cursors of the merge (a lane's queue and its current task) live in two arrays reused from call to call, so
     * finding a waiting task allocates nothing.
     */
    private TaskRecord bestWaitingFor(AgentState a, long now) {
        int count = 0;
        for (QueueRuntime q : queueList) {
            for (int i = 0; i < q.activeLaneCount(); i++) {
                QueueRuntime.Lane waiting = q.activeLane(i);
                if (waiting.mayServe(a)) {
                    if (count == mergeHeads.length) {
                        mergeHeads = Arrays.copyOf(mergeHeads, 2 * count);
                        mergeQueues = Arrays.copyOf(mergeQueues, 2 * count);
                    }
                    mergeHeads[count] = waiting.tasks.first();
                    mergeQueues[count] = q;
                    count++;
                }
            }
        }
        TaskRecord found = null;
        while (found == null) {
            int best = -1;
            int bestPriority = 0;
            for (int i = 0; i < count; i++) {
                TaskRecord head = mergeHeads[i];
                if (head == null) {
                    continue;
                }
                int p = mergeQueues[i].effectivePriority(head, now);
                if (best < 0 || p > bestPriority
                        || (p == bestPriority && WaitingTasks.compare(head, mergeHeads[best]) < 0)) {
                    best = i;
                    bestPriority = p;
                }
            }
            if (best < 0) {
                break;
            }
            TaskRecord t = mergeHeads[best];
            mergeHeads[best] = WaitingTasks.next(t);
            if (rejection(a, t) == null && !heldForOther(t, a, now)) {
                found = t;
            }
        }
        // the cursors must not keep records alive once their tasks leave
        Arrays.fill(mergeHeads, 0, count, null);
        Arrays.fill(mergeQueues, 0, count, null);
        return found;
    }

    private static boolean heldForOther(TaskRecord t, AgentState a, long now) {
        return t.sticky != null && t.sticky != a && t.stickyActive(now) && t.sticky.presence.routable()
                && !t.sticky.removed;
    }

    /** The first filter that stops {@code a} from taking {@code t} now, or null when eligible. */
    private Rejection rejection(AgentState a, TaskRecord t) {
        if (a.removed || !a.presence.routable()) {
            return Rejection.NOT_ROUTABLE;
        }
        int ch = t.channel;
        int cap = a.cap(ch);
        if (cap == 0) {
            return Rejection.NO_CHANNEL;
        }
        int cost = a.cost(t.task.units(), t.task.percentOfCapacity());
        if (cap - a.used(ch) < cost) {
            return Rejection.CHANNEL_FULL;
        }
        if (a.totalCap - a.totalUsed < cost) {
            return Rejection.TOTAL_FULL;
        }
        if (t.isExcluded(a.ordinal)) {
            return Rejection.DECLINED_BEFORE;
        }
        if (t.pinned != null) {
            // a named transfer target was chosen by a person: skills and step filters do not apply
            return t.pinned == a ? null : Rejection.NOT_TRANSFER_TARGET;
        }
        if (t.language >= 0 && !a.speaks(t.language)) {
            return Rejection.LANGUAGE;
        }
        for (int i = 0; i < t.skillCount; i++) {
            if (t.skillActive(i)) {
                int level = a.level(t.skills[i]);
                if (level < 0) {
                    return Rejection.MISSING_SKILL;
                }
                if (level < t.minLevels[i]) {
                    return Rejection.SKILL_LEVEL;
                }
            }
        }
        AgentFilter filter = t.rule.steps().get(t.step).agents();
        if (filter != AgentFilter.any() && !filter.test(a.profile)) {
            return Rejection.STEP_FILTER;
        }
        QueueRuntime q = t.queue;
        if (!q.anyMember && !q.spec.members().test(a.profile)) {
            return Rejection.QUEUE_MEMBERS;
        }
        return null;
    }

    /**
     * Records that the walk passed over {@code a} because of {@code r}, with the facts the detail text needs
     * (taken now: the agent's state changes right after); the text itself is formatted only when read.
     */
    private void skip(DecisionRecord d, AgentState a, TaskRecord t, Rejection r, boolean stickyDropped) {
        if (!d.wantsMore()) {
            d.notShown++;
            return;
        }
        Object ref = null;
        int n0 = 0;
        int n1 = 0;
        int n2 = 0;
        long time = 0;
        switch (r) {
            case NOT_ROUTABLE:
                ref = a.removed ? null : a.presence;
                time = a.presenceSinceMillis;
                break;
            case NO_CHANNEL:
                ref = t.task.channel();
                break;
            case CHANNEL_FULL:
                ref = t.task.channel();
                n0 = a.used(t.channel);
                n1 = a.cap(t.channel);
                n2 = a.cost(t.task.units(), t.task.percentOfCapacity());
                break;
            case TOTAL_FULL:
                n0 = a.totalUsed;
                n1 = a.totalCap;
                n2 = a.cost(t.task.units(), t.task.percentOfCapacity());
                break;
            case LANGUAGE:
                ref = t.task.language();
                break;
            case MISSING_SKILL:
            case SKILL_LEVEL:
                for (int i = 0; i < t.skillCount; i++) {
                    if (t.skillActive(i) && a.level(t.skills[i]) < t.minLevels[i]) {
                        ref = skills.name(t.skills[i]);
                        n0 = a.level(t.skills[i]);
                        n1 = t.minLevels[i];
                        break;
                    }
                }
                break;
            case STEP_FILTER:
                ref = t.ruleName;
                n0 = t.step;
                break;
            case QUEUE_MEMBERS:
                ref = t.queue.spec.id();
                break;
            case STICKY_RESERVED:
                ref = t.sticky == null ? null : t.sticky.profile.id();
                break;
            case NOT_TRANSFER_TARGET:
                ref = t.pinned == null ? null : t.pinned.profile.id();
                break;
            default:
                break;
        }
        d.skip(a.profile, r, ref, n0, n1, n2, time, stickyDropped);
    }

    /** The detail text of one verdict, for {@link #diagnose}; the same text an explanation shows. */
    private String detail(AgentState a, TaskRecord t, Rejection r) {
        verdict.reset("diagnose", RoutingStrategy.LONGEST_IDLE);
        skip(verdict, a, t, r, false);
        return verdict.candidateDetail(0);
    }

    // ------------------------------------------------------------------------------------------------ index

    /**
     * Indexes are keyed by skill, not by minimum level: an agent then belongs to one index per skill and
     * language (not eleven), which keeps assign and release cheap; the walk skips agents below the level, and
     * most-skilled walks stop at the first group below it.
     */
    private Bucket bucket(int strategyIndex, int channel, int language, int skill) {
        long key = ((long) strategyIndex << 56) | ((long) channel << 42) | ((long) (language + 1) << 28)
                | (skill + 1);
        Bucket b = buckets.get(key);
        if (b == null) {
            b = createBucket(key, strategyIndex, channel, language, skill);
        }
        return b;
    }

    private Bucket createBucket(long key, int si, int channel, int language, int skill) {
        String description = strategies.get(si).name() + ":" + channels.name(channel) + "/"
                + (language < 0 ? "*" : languages.name(language)) + "/"
                + (skill < 0 ? "*" : skills.name(skill));
        Bucket b = new Bucket(indexNodes, key, si, strategies.get(si).kind(), channel, language, skill, description);
        buckets.put(key, b);
        List<AgentState> listable = new ArrayList<>();
        for (int o = 0; o < agentSlots; o++) {
            AgentState a = agents[o];
            if (!a.removed && qualifies(a, b)) {
                indexNodes.join(a, b);
                if (listable(a, b)) {
                    listable.add(a);
                }
            }
        }
        listable.sort(Comparator.<AgentState>comparingInt(a -> groupKey(b, a)).thenComparingLong(a -> orderKey(b, a)));
        for (AgentState a : listable) {
            // its node for b is its last: each agent joined b once, above, and nothing joined it since
            b.link(a.nodeBase + a.nodeCount - 1, groupKey(b, a), orderKey(b, a));
        }
        return b;
    }

    private static boolean qualifies(AgentState a, Bucket b) {
        return a.cap(b.channel) > 0 && (b.language < 0 || a.speaks(b.language))
                && (b.skill < 0 || a.level(b.skill) >= 0);
    }

    private static boolean listable(AgentState a, Bucket b) {
        return !a.removed && a.presence.routable() && a.spare(b.channel) >= 1;
    }

    private static int groupKey(Bucket b, AgentState a) {
        switch (b.kind) {
            case LEAST_LOADED:
                return a.openTasks;
            case MOST_SKILLED:
                return b.skill < 0 ? 0 : -a.level(b.skill);
            case CUSTOM:
                return a.customRanks[b.strategyIndex];
            default:
                return 0;
        }
    }

    private static long orderKey(Bucket b, AgentState a) {
        RoutingStrategy.Kind kind = b.kind;
        return kind == RoutingStrategy.Kind.LEAST_LOADED || kind == RoutingStrategy.Kind.ROUND_ROBIN
                ? a.assignSeq : a.activitySeq;
    }

    /**
     * Puts the agent at its exact place in every index it belongs to, after any change of its presence, load or
     * profile. Keys only grow, so the place is the tail of its group: O(1) per index, no allocation. (Deferring
     * these moves to the walks was measured slower: by then the place is no longer the tail.)
     *
     * <p>No read-ahead: a move only stores into its neighbours' nodes (it reads the agent's own nodes, adjacent in
     * {@link IndexNodes}, and each group's tail), and stores to lines not in the cache do not hold the loop up, so
     * those misses overlap on their own. Loading the nodes and then their neighbours in two passes first, which paid
     * when the nodes lived in one array per index, costs about 8 % per 4 x 3 pair now (interleaved CPU time, seven
     * runs, ratios 0.87-1.00 without it, median 0.92).
     */
    private void reindex(AgentState a) {
        IndexNodes pool = indexNodes;
        int count = a.nodeCount;
        int base = a.nodeBase;
        // what listable() asks, decided once per channel rather than once per index: an agent's indexes nearly
        // always share one channel, and this loop runs for twelve indexes on every decision of a 4 x 3 agent
        boolean routable = !a.removed && a.presence.routable();
        int spareChannel = -1;
        boolean spare = false;
        for (int i = 0; i < count; i++) {
            int o = base + i;
            Bucket b = pool.bucketOf(o);
            if (b.channel != spareChannel) {
                spareChannel = b.channel;
                spare = routable && a.spare(spareChannel) >= 1;
            }
            if (spare) {
                b.place(o, groupKey(b, a), orderKey(b, a));
            } else {
                b.unlink(o);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ timers

    private void updateTimer(TaskRecord t) {
        long d = TaskRecord.NO_DEADLINE;
        if (t.phase == TaskPhase.OFFERED) {
            d = t.offerExpiresAtMillis;
        } else if (t.phase == TaskPhase.WAITING && t.inLane) {
            Duration timeout = t.rule.steps().get(t.step).timeout();
            if (timeout != null) {
                d = t.createdAtMillis + timeout.toMillis();
            }
            for (int i = 0; i < t.skillCount; i++) {
                if (t.skillActive(i)) {
                    d = Math.min(d, t.dropAtMillis[i]);
                }
            }
            if (t.sticky != null) {
                d = Math.min(d, t.stickyUntilMillis);
            }
        }
        if (t.timerQueued) {
            if (t.deadline == d) {
                return;
            }
            timers.remove(t);
            t.timerQueued = false;
        }
        t.deadline = d;
        if (d != TaskRecord.NO_DEADLINE) {
            timers.add(t);
            t.timerQueued = true;
        }
    }

    private void cancelTimer(TaskRecord t) {
        if (t.timerQueued) {
            timers.remove(t);
            t.timerQueued = false;
        }
    }

    // ------------------------------------------------------------------------------------------------ stats

    public QueueStats queueStats(String queueId) {
        Require.id(queueId, "queueId");
        lock.lock();
        try {
            long now = clock.millis();
            QueueRuntime q = queues.get(queueId);
            if (q == null) {
                throw new NotFoundException("no queue '" + queueId + "'");
            }
            int staffed = 0;
            int available = 0;
            for (int o = 0; o < agentSlots; o++) {
                AgentState a = agents[o];
                if (a.removed || !a.presence.routable() || (!q.anyMember && !q.spec.members().test(a.profile))) {
                    continue;
                }
                staffed++;
                if (hasSpare(a)) {
                    available++;
                }
            }
            Duration oldest = q.waiting == 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, now - q.oldestCreatedAt()));
            Duration avgWait = q.averageWaitMillis < 0 ? Duration.ZERO : Duration.ofMillis((long) q.averageWaitMillis);
            Duration avgHandle = q.averageHandleMillis < 0 ? Duration.ZERO
                    : Duration.ofMillis((long) q.averageHandleMillis);
            Duration eta;
            if (q.waiting == 0 && available > 0) {
                eta = Duration.ZERO;
            } else if (q.averageHandleMillis >= 0) {
                eta = Duration.ofMillis((long) ((q.waiting + 1) * q.averageHandleMillis / Math.max(1, staffed)));
            } else if (q.averageWaitMillis >= 0) {
                eta = avgWait;
            } else {
                eta = null;
            }
            return new QueueStats(queueId, q.waiting, q.offered, q.assigned, oldest, available, staffed, avgWait,
                    avgHandle, eta, q.assignedTotal, q.overflowedOut, q.fellBack);
        } finally {
            lock.unlock();
        }
    }

    public SkillStats skillStats(String skill) {
        Require.id(skill, "skill");
        lock.lock();
        try {
            int id = skills.find(skill);
            int waiting = 0;
            int staffed = 0;
            int available = 0;
            if (id >= 0) {
                for (QueueRuntime q : queueList) {
                    for (int l = 0; l < q.activeLaneCount(); l++) {
                        WaitingTasks lane = q.activeLane(l).tasks;
                        for (TaskRecord t = lane.first(); t != null; t = WaitingTasks.next(t)) {
                            for (int i = 0; i < t.skillCount; i++) {
                                if (t.skills[i] == id && t.skillActive(i)) {
                                    waiting++;
                                    break;
                                }
                            }
                        }
                    }
                }
                for (int o = 0; o < agentSlots; o++) {
                    AgentState a = agents[o];
                    if (!a.removed && a.presence.routable() && a.level(id) >= 0) {
                        staffed++;
                        if (hasSpare(a)) {
                            available++;
                        }
                    }
                }
            }
            return new SkillStats(skill, waiting, available, staffed);
        } finally {
            lock.unlock();
        }
    }

    public RouterStats stats() {
        lock.lock();
        try {
            int available = 0;
            int offered = 0;
            int assigned = 0;
            for (int o = 0; o < agentSlots; o++) {
                AgentState a = agents[o];
                if (!a.removed && a.presence.routable() && hasSpare(a)) {
                    available++;
                }
            }
            for (QueueRuntime q : queues.values()) {
                offered += q.offered;
                assigned += q.assigned;
            }
            return new RouterStats(agentsById.size(), available, waitingTotal, offered, assigned, submitted,
                    assignedTotal, transfers, fellBack);
        } finally {
            lock.unlock();
        }
    }

    private static boolean hasSpare(AgentState a) {
        for (int c = 0; c < a.channelSlots(); c++) {
            if (a.cap(c) > 0 && a.spare(c) >= 1) {
                return true;
            }
        }
        return false;
    }

    /** Every agent's verdict for a task in the router: a full scan, for "why is this task still waiting?". */
    public List<CandidateVerdict> diagnose(String taskId) {
        Require.id(taskId, "taskId");
        lock.lock();
        try {
            long now = clock.millis();
            TaskRecord t = task(taskId);
            List<CandidateVerdict> out = new ArrayList<>();
            for (int o = 0; o < agentSlots; o++) {
                AgentState a = agents[o];
                if (a.removed) {
                    continue;
                }
                Rejection r = a == t.agent ? null : rejection(a, t);
                if (r == null && t.phase == TaskPhase.WAITING && heldForOther(t, a, now)) {
                    r = Rejection.STICKY_RESERVED;
                }
                out.add(new CandidateVerdict(a.profile.id(), r, r == null ? "eligible" : detail(a, t, r)));
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private QueueRuntime queueOf(RoutingStep step) {
        QueueRuntime q = queues.get(step.queueId());
        if (q == null) {
            throw new NotFoundException("no queue '" + step.queueId() + "'");
        }
        return q;
    }

    private RoutingRule synthetic(String name, String queueId, AgentFilter filter) {
        if (filter != AgentFilter.any()) {
            return new RoutingRule(name, t -> true, List.of(RoutingStep.to(queueId).agents(filter)), null);
        }
        return syntheticRules.computeIfAbsent(name + "\u0000" + queueId,
                k -> new RoutingRule(name, t -> true, List.of(RoutingStep.to(queueId)), null));
    }

    private static List<RoutingDecision> add(List<RoutingDecision> out, RoutingDecision d) {
        if (out == null) {
            out = new ArrayList<>(2);
        }
        out.add(d);
        return out;
    }

    private static List<RoutingDecision> concat(List<RoutingDecision> a, List<RoutingDecision> b) {
        if (b == null || b.isEmpty()) {
            return a == null ? List.of() : a;
        }
        if (a == null || a.isEmpty()) {
            return b;
        }
        List<RoutingDecision> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Delivers the events of this thread's last call, outside the lock, isolating failing listeners. */
    private void dispatch() {
        if (listeners.isEmpty()) {
            return;
        }
        List<RoutingEvent> events;
        lock.lock();
        try {
            if (pending.isEmpty()) {
                return;
            }
            events = pending;
            pending = new ArrayList<>();
        } finally {
            lock.unlock();
        }
        for (RoutingEvent e : events) {
            for (RoutingListener l : listeners) {
                try {
                    l.onEvent(e);
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.WARNING, "routing listener " + l + " failed on " + e, ex);
                }
            }
        }
    }
}
