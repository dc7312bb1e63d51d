package io.supportkit.routing.internal;

import io.supportkit.routing.AgentProfile;
import io.supportkit.routing.CandidateVerdict;
import io.supportkit.routing.Explanation;
import io.supportkit.routing.Fallback;
import io.supportkit.routing.Rejection;
import io.supportkit.routing.RoutingDecision;
import io.supportkit.routing.RoutingDecision.Outcome;
import io.supportkit.routing.RoutingStrategy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The facts of one routing decision, recorded as plain fields while the decision is made, so that making it
 * allocates nothing. Text (candidate details, the tie-break) and the immutable {@link RoutingDecision} /
 * {@link Explanation} objects are built from these facts only when someone asks: at once for
 * {@code Router.submit(Task)}, on demand for a host-owned {@code ReusableDecision}.
 *
 * <p>Every fact is a value or a reference to an immutable object (profile, strategy, strings) taken at decision
 * time, so a record copied out of the router's lock explains the decision as it was, whatever happens later.
 *
 * <p>Not thread-safe: the router's scratch record is guarded by its lock; a copy belongs to one host thread.
 */
public final class DecisionRecord {
    static final long NO_TIME = Long.MIN_VALUE;

    /** Which sentence explains the winner (or the absence of one). */
    enum TieBreak { NONE, STRATEGY, TRANSFER, STICKY, HELD_FOR_PREVIOUS, NO_ELIGIBLE_AGENT, WAITING_TASK, TIMED_OUT }

    // the decision
    Outcome outcome;
    String taskId;
    String agentId;
    String queueId;
    String rule;
    int step;
    long atMillis;
    long offerExpiresAtMillis = NO_TIME;
    Fallback fallback;

    // the explanation
    private int limit;
    String trigger;
    RoutingStrategy strategy;
    String indexDescription;
    int indexed;
    int notShown;
    int considered;
    private AgentProfile[] candidates = new AgentProfile[0];
    private Rejection[] rejections = new Rejection[0];
    private Object[] refs = new Object[0];
    private int[] numbers = new int[0];
    private long[] times = new long[0];
    private boolean[] stickyDropped = new boolean[0];

    TieBreak tieBreak = TieBreak.NONE;
    boolean tieFirst;
    int tieIndexed;
    String tieIndex;
    int tieGroup;
    long tieTime;
    String tieSubject;

    /** A record keeping at most {@code limit} rejected candidates (the rest are counted). */
    public DecisionRecord(int limit) {
        this.limit = limit;
    }

    /** Starts a new decision. */
    void reset(String trigger, RoutingStrategy strategy) {
        outcome = null;
        taskId = null;
        agentId = null;
        queueId = null;
        rule = null;
        step = 0;
        atMillis = 0;
        offerExpiresAtMillis = NO_TIME;
        fallback = null;
        this.trigger = trigger;
        this.strategy = strategy;
        indexDescription = "";
        indexed = 0;
        notShown = 0;
        Arrays.fill(candidates, 0, considered, null);
        Arrays.fill(refs, 0, considered, null);
        considered = 0;
        tieBreak = TieBreak.NONE;
        tieFirst = false;
        tieIndexed = 0;
        tieIndex = null;
        tieGroup = 0;
        tieTime = 0;
        tieSubject = null;
    }

    void index(String description, int size) {
        indexDescription = description;
        indexed = size;
    }

    boolean wantsMore() {
        return considered < limit;
    }

    /**
     * Records a candidate the walk passed over. {@code ref}, the three numbers and {@code time} are the facts
     * the detail text needs for this rejection (see {@link #detail}); arrays grow to the limit once, then are
     * reused.
     */
    void skip(AgentProfile agent, Rejection rejection, Object ref, int n0, int n1, int n2, long time,
              boolean dropped) {
        if (considered >= limit) {
            notShown++;
            return;
        }
        int i = considered;
        if (i == candidates.length) {
            int n = Math.min(limit, Math.max(4, i * 2));
            candidates = Arrays.copyOf(candidates, n);
            rejections = Arrays.copyOf(rejections, n);
            refs = Arrays.copyOf(refs, n);
            numbers = Arrays.copyOf(numbers, n * 3);
            times = Arrays.copyOf(times, n);
            stickyDropped = Arrays.copyOf(stickyDropped, n);
        }
        candidates[i] = agent;
        rejections[i] = rejection;
        refs[i] = ref;
        numbers[i * 3] = n0;
        numbers[i * 3 + 1] = n1;
        numbers[i * 3 + 2] = n2;
        times[i] = time;
        stickyDropped[i] = dropped;
        considered = i + 1;
    }

    /** Keeps at most {@code limit} rejected candidates from the next decision on (the router's explain limit). */
    void limit(int limit) {
        this.limit = limit;
    }

    // ------------------------------------------------------------------------------------------------ reading

    public Outcome outcome() {
        return outcome;
    }

    public String taskId() {
        return taskId;
    }

    public String agentId() {
        return agentId;
    }

    public String queueId() {
        return queueId;
    }

    public String rule() {
        return rule;
    }

    public int step() {
        return step;
    }

    public long atMillis() {
        return atMillis;
    }

    /** When the offer lapses, or {@code null} when the decision is not an offer. */
    public Instant offerExpiresAt() {
        return offerExpiresAtMillis == NO_TIME ? null : Instant.ofEpochMilli(offerExpiresAtMillis);
    }

    public Fallback fallback() {
        return fallback;
    }

    /** The explanation, built now from the recorded facts. */
    public Explanation explanation() {
        List<CandidateVerdict> verdicts = new ArrayList<>(considered);
        for (int i = 0; i < considered; i++) {
            verdicts.add(new CandidateVerdict(candidates[i].id(), rejections[i], candidateDetail(i)));
        }
        // the tie-break is formatted on first read: copy its facts, this record may be reused before that
        TieBreak kind = tieBreak;
        boolean first = tieFirst;
        int tIndexed = tieIndexed;
        String tIndex = tieIndex;
        int group = tieGroup;
        long time = tieTime;
        String subject = tieSubject;
        RoutingStrategy s = strategy;
        String queue = queueId;
        return new Explanation(trigger, strategy.name(), indexDescription, indexed, verdicts, notShown,
                () -> tieBreakText(kind, s, first, tIndexed, tIndex, group, time, subject, queue));
    }

    /** The immutable decision, built now from the recorded facts. */
    public RoutingDecision toDecision() {
        return new RoutingDecision(outcome, taskId, agentId, queueId, rule, step, Instant.ofEpochMilli(atMillis),
                offerExpiresAt(), fallback, explanation());
    }

    // ------------------------------------------------------------------------------------------------ text

    /** The detail text of candidate {@code i}, from the facts captured when it was passed over. */
    String candidateDetail(int i) {
        String detail = detail(rejections[i], candidates[i], refs[i], numbers[i * 3], numbers[i * 3 + 1],
                numbers[i * 3 + 2], times[i]);
        return stickyDropped[i] ? detail + " (sticky preference dropped)" : detail;
    }

    /** The detail text of one rejection from the facts {@link RoutingCore} captured for it. */
    static String detail(Rejection r, AgentProfile agent, Object ref, int n0, int n1, int n2, long time) {
        switch (r) {
            case NOT_ROUTABLE:
                return ref == null ? "removed" : "presence " + ref + " since " + Instant.ofEpochMilli(time);
            case NO_CHANNEL:
                return "does not work channel '" + ref + "'";
            case CHANNEL_FULL:
                return ref + ": " + n0 + "/" + n1 + " units used, task needs " + n2;
            case TOTAL_FULL:
                return "total: " + n0 + "/" + n1 + " units used, task needs " + n2;
            case LANGUAGE:
                return "speaks " + agent.languages() + ", task needs '" + ref + "'";
            case MISSING_SKILL:
            case SKILL_LEVEL:
                if (ref == null) {
                    return "skills";
                }
                return n0 < 0 ? "lacks skill '" + ref + "'" : "'" + ref + "' level " + n0 + " < " + n1;
            case STEP_FILTER:
                return "agent expression of step " + n0 + " of rule '" + ref + "'";
            case QUEUE_MEMBERS:
                return "not a member of queue '" + ref + "'";
            case DECLINED_BEFORE:
                return "declined, let expire or transferred this task before";
            case STICKY_RESERVED:
                return "held for previous agent " + (ref == null ? "" : ref);
            case NOT_TRANSFER_TARGET:
                return "transferred to " + (ref == null ? "" : ref);
            default:
                return r.name();
        }
    }

    private static String tieBreakText(TieBreak kind, RoutingStrategy s, boolean first, int indexed, String index,
                                       int group, long time, String subject, String queue) {
        switch (kind) {
            case STRATEGY: {
                String tail = "; " + (first ? "first" : "first eligible") + " of " + indexed + " in index " + index;
                switch (s.kind()) {
                    case LEAST_LOADED:
                        return "least-loaded: " + group + " open tasks, least recently assigned" + tail;
                    case ROUND_ROBIN:
                        return "round-robin: least recently assigned" + tail;
                    case MOST_SKILLED:
                        return "most-skilled: level " + (-group) + ", then longest idle (idle for " + time + " ms)"
                                + tail;
                    case CUSTOM:
                        return s.name() + ": rank " + group + ", then longest idle (idle for " + time + " ms)" + tail;
                    default:
                        return "longest-idle: idle for " + time + " ms" + tail;
                }
            }
            case TRANSFER:
                return "transfer to " + subject;
            case STICKY:
                return "sticky: " + subject + " last served this customer";
            case HELD_FOR_PREVIOUS:
                return "held for previous agent " + subject + " until " + Instant.ofEpochMilli(time);
            case NO_ELIGIBLE_AGENT:
                return "no eligible agent; waiting in " + queue;
            case WAITING_TASK:
                return "highest priority (" + group + "), then oldest (created " + Instant.ofEpochMilli(time)
                        + ") waiting task " + subject + " can serve";
            case TIMED_OUT:
                return "no agent took the task in time";
            default:
                return "";
        }
    }
}
