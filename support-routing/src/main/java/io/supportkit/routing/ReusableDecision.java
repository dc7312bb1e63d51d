package io.supportkit.routing;

import io.supportkit.IllegalTransitionException;
import io.supportkit.routing.RoutingDecision.Outcome;
import io.supportkit.routing.internal.DecisionRecord;

import java.time.Instant;

/**
 * A host-owned holder that {@link Router#submit(Task, ReusableDecision)} overwrites with each decision, for hosts
 * that route at high rates and want the decision path to allocate nothing. It carries the same facts as a
 * {@link RoutingDecision}; the {@link #explanation()} (candidates, the filters that removed them, the tie-break)
 * is recorded as plain facts during the decision and turned into text and objects only when asked for, so it
 * still explains the decision as it was when it was made, even after the task was released.
 *
 * <p>Not thread-safe: keep one per host thread (for example in a field of a per-thread handler) and read it
 * before the next submit into it. {@link #toDecision()} gives an immutable copy to keep or hand to another
 * thread.
 *
 * <pre>{@code
 * ReusableDecision d = new ReusableDecision();       // once per thread
 * if (router.submit(task, d) == RoutingDecision.Outcome.ASSIGNED) {
 *     notifyAgent(d.agentId(), d.taskId());
 * }
 * log.debug("{}", d.explanation().tieBreak());       // built only here, on demand
 * }</pre>
 */
public final class ReusableDecision {
    private final DecisionRecord record = new DecisionRecord(Router.Builder.DEFAULT_EXPLAIN_LIMIT);

    public ReusableDecision() {
    }

    DecisionRecord record() {
        return record;
    }

    /** What the last decision did, or {@code null} before the first submit into this holder. */
    public Outcome outcome() {
        return record.outcome();
    }

    public String taskId() {
        return record.taskId();
    }

    /** The agent for ASSIGNED and OFFERED, otherwise {@code null}. */
    public String agentId() {
        return record.agentId();
    }

    /** The queue of the step, or {@code null} after a ticket or callback fallback. */
    public String queueId() {
        return record.queueId();
    }

    public String rule() {
        return record.rule();
    }

    public int step() {
        return record.step();
    }

    /** When the decision was made, in epoch milliseconds of the router's clock. */
    public long atMillis() {
        return record.atMillis();
    }

    /** When the decision was made, by the router's clock. */
    public Instant at() {
        return Instant.ofEpochMilli(record.atMillis());
    }

    /** When an offer lapses, otherwise {@code null}. */
    public Instant offerExpiresAt() {
        return record.offerExpiresAt();
    }

    /** The fallback taken for FELL_BACK, otherwise {@code null}. */
    public Fallback fallback() {
        return record.fallback();
    }

    /**
     * Why the last decision came out the way it did, built now from the facts recorded when it was made (a new
     * object on every call).
     *
     * @throws IllegalTransitionException before the first submit into this holder
     */
    public Explanation explanation() {
        requireDecision();
        return record.explanation();
    }

    /**
     * An immutable copy of the last decision, with its explanation.
     *
     * @throws IllegalTransitionException before the first submit into this holder
     */
    public RoutingDecision toDecision() {
        requireDecision();
        return record.toDecision();
    }

    private void requireDecision() {
        if (record.outcome() == null) {
            throw new IllegalTransitionException("no decision yet: pass this holder to Router.submit first");
        }
    }

    @Override
    public String toString() {
        return record.outcome() == null ? "ReusableDecision[empty]"
                : "ReusableDecision[" + record.outcome() + " " + record.taskId()
                + (record.agentId() == null ? "" : " -> " + record.agentId()) + " in " + record.queueId() + "]";
    }
}
