package io.supportkit.routing;

import io.supportkit.ConfigurationException;
import io.supportkit.internal.Require;
import io.supportkit.routing.internal.RoutingCore;
import io.supportkit.routing.spi.RoutingListener;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes tasks to agents by skills (with levels), language, channel, presence and weighted per-channel capacity,
 * through queues with priority and aging, rules with overflow steps and a fallback, offers with accept timeouts,
 * sticky routing and transfers; every decision explains itself (R4, R5, R7, R10).
 *
 * <p><b>Time</b> comes only from the injected {@link InstantSource}. The router starts no threads: timeouts
 * (offer expiry, step overflow, optional skills dropping, the sticky wait) take effect when the host calls
 * {@link #tick()}, for example every 200 ms from its own scheduler, or after advancing a
 * {@link io.supportkit.time.VirtualClock} in tests. {@link #nextDeadline()} says when the next tick has work.
 *
 * <p><b>Thread safety:</b> every method is safe to call from any number of threads. State changes happen under
 * one lock and are linearizable: no task is assigned twice, no agent's capacity (per channel or total) is ever
 * exceeded by automatic assignment, and no task is lost. Critical sections take microseconds. Under contention
 * one thread at a time holds the lock for a tenure of up to about a millisecond while the others sleep, so the
 * router's state stays in one core's cache instead of moving between cores on every call; a call may wait about one
 * tenure per busy thread ahead of it, and a thread that stops calling hands over within microseconds. Listeners run
 * after the lock is released (see {@link RoutingListener}).
 *
 * <p><b>Performance:</b> eligible agents are kept in indexes per (strategy, channel, language, skill and minimum
 * level), created on first use and kept in strategy order, so choosing an agent is a walk from the front of the
 * smallest matching index, not a scan over all agents. {@link #submit(Task, ReusableDecision)} routes without
 * allocating on the steady-state path; {@link #submit(Task)} adds an immutable decision with its explanation.
 *
 * <pre>{@code
 * Router router = Router.builder()
 *         .clock(clock)
 *         .queue(RoutingQueue.of("general"))
 *         .queue(RoutingQueue.builder("vip").offerTimeout(Duration.ofSeconds(20)).build())
 *         .rule(RoutingRule.builder("vip")
 *                 .when(TaskCondition.customerTier("gold"))
 *                 .step(RoutingStep.to("vip").timeout(Duration.ofSeconds(30)))
 *                 .step(RoutingStep.to("general").timeout(Duration.ofMinutes(10)))
 *                 .fallback(Fallback.callback())
 *                 .build())
 *         .defaultQueue("general")
 *         .listener(event -> log.info("{}", event))
 *         .build();
 *
 * router.upsertAgent(AgentProfile.builder("ana").skill("billing", 8).languages("tr", "en").capacity("chat", 3).build());
 * router.setPresence("ana", Presence.AVAILABLE);
 * RoutingDecision d = router.submit(Task.builder("conv-1", "chat").language("tr").requireSkill("billing", 5).build());
 * // d.outcome() == ASSIGNED, d.agentId() == "ana", d.explanation().tieBreak() says why
 * router.release("conv-1");
 * }</pre>
 */
public final class Router {
    private final RoutingCore core;
    private final Builder config;

    private Router(Builder b) {
        this.config = b;
        this.core = new RoutingCore(b.clock, b.listeners, new ArrayList<>(b.queues.values()), b.rules, b.defaultQueue,
                b.fallback, b.stickyWait, b.presenceAfterMissedOffer, b.explainLimit);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder with this router's configuration, to build another router (agents and tasks are not copied). */
    public Builder newBuilder() {
        return config.copy();
    }

    /**
     * Adds an agent (presence {@link Presence#OFFLINE} until {@link #setPresence}) or replaces the profile of a
     * known one; load and presence are kept. Returns the tasks the agent took because of the change (a new skill,
     * more capacity).
     */
    public List<RoutingDecision> upsertAgent(AgentProfile profile) {
        return core.upsertAgent(profile);
    }

    /**
     * Removes an agent that has no open task.
     *
     * @throws io.supportkit.NotFoundException when unknown
     * @throws io.supportkit.ConflictException when the agent still has tasks offered or assigned
     */
    public void removeAgent(String agentId) {
        core.removeAgent(agentId);
    }

    /**
     * Changes an agent's presence. Becoming available gives the agent the best waiting tasks it can serve, which
     * are returned. Leaving does not free capacity: tasks stay with the agent until released or transferred.
     */
    public List<RoutingDecision> setPresence(String agentId, Presence presence) {
        return core.setPresence(agentId, presence);
    }

    /** A snapshot of an agent's presence and load. */
    public AgentStatus agent(String agentId) {
        return core.agentStatus(agentId);
    }

    /**
     * Routes a new task: the first matching rule picks the steps; the task goes to an eligible agent now (direct
     * assignment or offer) or waits in the step's queue.
     *
     * @throws io.supportkit.ConflictException when a task with this id is already in the router
     */
    public RoutingDecision submit(Task task) {
        return core.submit(task);
    }

    /**
     * Routes a new task like {@link #submit(Task)}, but writes the decision into a holder the caller owns
     * instead of returning a new object: on the steady-state path (the task goes to an agent or waits, no
     * listener registered) this allocates nothing. The explanation is recorded as facts and built only when
     * {@link ReusableDecision#explanation()} is called. Submitting the same {@link Task} object again after it
     * left the router is allowed.
     *
     * <pre>{@code
     * ReusableDecision d = new ReusableDecision();     // one per host thread
     * if (router.submit(task, d) == RoutingDecision.Outcome.ASSIGNED) {
     *     notifyAgent(d.agentId(), d.taskId());
     * }
     * }</pre>
     *
     * @return the decision's outcome (also in {@code into})
     * @throws io.supportkit.ConflictException when a task with this id is already in the router ({@code into}
     *                                         is then left unchanged)
     */
    public RoutingDecision.Outcome submit(Task task, ReusableDecision into) {
        Require.nonNull(into, "into");
        return core.submit(task, into.record());
    }

    /** The offered agent accepts: the task is assigned. */
    public RoutingDecision accept(String taskId, String agentId) {
        return core.accept(taskId, agentId);
    }

    /**
     * The offered agent declines: the reservation is freed, the agent is never offered this task again, and the
     * task is routed again at its original age. The first decision is the task's; the rest are tasks the
     * agent's freed capacity took.
     */
    public List<RoutingDecision> reject(String taskId, String agentId) {
        return core.reject(taskId, agentId);
    }

    /**
     * The work ended: frees the agent's capacity and gives it the best waiting tasks it can serve, which are
     * returned. Only for assigned tasks; use {@link #cancel} for waiting or offered ones.
     */
    public List<RoutingDecision> release(String taskId) {
        return core.release(taskId);
    }

    /** Withdraws a task in any phase (the customer left); frees capacity it held. */
    public List<RoutingDecision> cancel(String taskId) {
        return core.cancel(taskId);
    }

    /**
     * Moves an assigned task to another agent, team or queue. The task keeps its attributes and age, its
     * transfer count grows, and the transferring agent is not offered it again. The first decision is the
     * task's; the rest are tasks the transferring agent's freed capacity took.
     */
    public List<RoutingDecision> transfer(String taskId, TransferTarget target) {
        return core.transfer(taskId, target);
    }

    /** A snapshot of a task in the router, or empty once released, cancelled or sent to a ticket/callback. */
    public Optional<TaskStatus> task(String taskId) {
        return core.taskStatus(taskId);
    }

    /**
     * Applies every timeout due by the clock's current time: offer expiry, step overflow, optional skills
     * dropping, the sticky wait ending, fallback. Returns the decisions this produced. Cheap when nothing is due.
     */
    public List<RoutingDecision> tick() {
        return core.tick();
    }

    /** When the next {@link #tick()} has work, or empty when no timeout is pending. */
    public Optional<Instant> nextDeadline() {
        return core.nextDeadline();
    }

    /** Live statistics of a queue, including the estimated wait for a task joining now (R1). O(agents). */
    public QueueStats queueStats(String queueId) {
        return core.queueStats(queueId);
    }

    /** Live statistics for one skill. O(agents + waiting tasks). */
    public SkillStats skillStats(String skill) {
        return core.skillStats(skill);
    }

    /** Router-wide counters, including the transfer rate. */
    public RouterStats stats() {
        return core.stats();
    }

    /**
     * Every agent's verdict for a task in the router ("why is this task still waiting?"). A full scan: for
     * dashboards and support, not for the hot path.
     */
    public List<CandidateVerdict> diagnose(String taskId) {
        return core.diagnose(taskId);
    }

    /**
     * Configures a {@link Router}. Not thread-safe; {@link #build()} validates everything and the router never
     * sees later changes to the builder.
     *
     * <table>
     *   <caption>Defaults</caption>
     *   <tr><th>setting</th><th>default</th></tr>
     *   <tr><td>clock</td><td>{@link InstantSource#system()}</td></tr>
     *   <tr><td>default queue</td><td>{@code "default"} (longest idle, direct assignment), created if not declared</td></tr>
     *   <tr><td>fallback past the last step</td><td>{@link Fallback#ticket()}</td></tr>
     *   <tr><td>sticky wait</td><td>20 seconds</td></tr>
     *   <tr><td>presence after a missed offer</td><td>unchanged</td></tr>
     *   <tr><td>candidates kept per explanation</td><td>16</td></tr>
     * </table>
     */
    public static final class Builder {
        /** Default sticky wait: long enough for the previous agent to finish a reply, short against R1's 60 s. */
        public static final Duration DEFAULT_STICKY_WAIT = Duration.ofSeconds(20);
        public static final String DEFAULT_QUEUE = "default";
        public static final int DEFAULT_EXPLAIN_LIMIT = 16;

        private InstantSource clock = InstantSource.system();
        private final List<RoutingListener> listeners = new ArrayList<>();
        private final Map<String, RoutingQueue> queues = new LinkedHashMap<>();
        private final List<RoutingRule> rules = new ArrayList<>();
        private String defaultQueue = DEFAULT_QUEUE;
        private Fallback fallback = Fallback.ticket();
        private Duration stickyWait = DEFAULT_STICKY_WAIT;
        private Presence presenceAfterMissedOffer;
        private int explainLimit = DEFAULT_EXPLAIN_LIMIT;

        private Builder() {
        }

        private Builder copy() {
            Builder b = new Builder();
            b.clock = clock;
            b.listeners.addAll(listeners);
            b.queues.putAll(queues);
            b.rules.addAll(rules);
            b.defaultQueue = defaultQueue;
            b.fallback = fallback;
            b.stickyWait = stickyWait;
            b.presenceAfterMissedOffer = presenceAfterMissedOffer;
            b.explainLimit = explainLimit;
            return b;
        }

        public Builder clock(InstantSource clock) {
            this.clock = Require.nonNull(clock, "clock");
            return this;
        }

        public Builder listener(RoutingListener listener) {
            listeners.add(Require.nonNull(listener, "listener"));
            return this;
        }

        /** Declares a queue; ids must be unique. */
        public Builder queue(RoutingQueue queue) {
            Require.nonNull(queue, "queue");
            if (queues.containsKey(queue.id())) {
                throw new ConfigurationException("queue '" + queue.id() + "' is declared twice");
            }
            queues.put(queue.id(), queue);
            return this;
        }

        /** Appends a rule; rules are evaluated in the order added and the first match wins. */
        public Builder rule(RoutingRule rule) {
            Require.nonNull(rule, "rule");
            for (RoutingRule r : rules) {
                if (r.name().equals(rule.name())) {
                    throw new ConfigurationException("rule '" + rule.name() + "' is declared twice");
                }
            }
            rules.add(rule);
            return this;
        }

        /** The queue for tasks no rule matches; it waits without timeout. */
        public Builder defaultQueue(String queueId) {
            this.defaultQueue = Require.id(queueId, "defaultQueue");
            return this;
        }

        /** Where tasks go past the last step of a rule without its own fallback. */
        public Builder fallback(Fallback fallback) {
            this.fallback = Require.nonNull(fallback, "fallback");
            return this;
        }

        /**
         * How long a task waits for the agent who last served the customer when that agent is available but
         * busy (R2). Zero: prefer them only when they have room right now.
         */
        public Builder stickyWait(Duration wait) {
            Require.nonNull(wait, "stickyWait");
            if (wait.isNegative()) {
                throw new ConfigurationException("stickyWait must not be negative, was " + wait);
            }
            this.stickyWait = wait;
            return this;
        }

        /** Presence to set on an agent who lets an offer expire (Twilio's timeout activity), e.g. IDLE. */
        public Builder presenceAfterMissedOffer(Presence presence) {
            this.presenceAfterMissedOffer = Require.nonNull(presence, "presenceAfterMissedOffer");
            return this;
        }

        /** How many rejected candidates an explanation lists (the rest are counted), 0-1000. */
        public Builder explainLimit(int limit) {
            if (limit < 0 || limit > 1000) {
                throw new ConfigurationException("explainLimit must be between 0 and 1000, was " + limit);
            }
            this.explainLimit = limit;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws ConfigurationException when a rule or fallback names an undeclared queue, or the default queue
         *                                was set explicitly but not declared
         */
        public Router build() {
            Builder b = copy();
            if (!b.queues.containsKey(b.defaultQueue)) {
                if (!DEFAULT_QUEUE.equals(b.defaultQueue)) {
                    throw new ConfigurationException("default queue '" + b.defaultQueue + "' is not declared; add "
                            + "queue(RoutingQueue.of(\"" + b.defaultQueue + "\"))");
                }
                b.queues.put(DEFAULT_QUEUE, RoutingQueue.of(DEFAULT_QUEUE));
            }
            for (RoutingRule r : b.rules) {
                for (int i = 0; i < r.steps().size(); i++) {
                    String q = r.steps().get(i).queueId();
                    if (!b.queues.containsKey(q)) {
                        throw new ConfigurationException("step " + i + " of rule '" + r.name()
                                + "' targets undeclared queue '" + q + "'");
                    }
                }
                if (r.fallback() instanceof Fallback.Queue fq && !b.queues.containsKey(fq.queueId())) {
                    throw new ConfigurationException("fallback of rule '" + r.name() + "' targets undeclared queue '"
                            + fq.queueId() + "'");
                }
            }
            if (b.fallback instanceof Fallback.Queue fq && !b.queues.containsKey(fq.queueId())) {
                throw new ConfigurationException("fallback targets undeclared queue '" + fq.queueId() + "'");
            }
            return new Router(b);
        }
    }
}
