package io.supportkit.routing;

import io.supportkit.internal.Require;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Why a decision came out the way it did, so a host can show "why did this go to Ana?": what triggered it,
 * the strategy, the index the router walked (and how many agents were in it), every candidate it looked at with
 * the filter that removed them, and the tie-break that made the winner win.
 *
 * <p>The router walks agents in strategy order and stops at the first eligible one, so {@link #considered()}
 * lists the agents ahead of the winner; agents not in the index at all (wrong channel, language or skill, no
 * spare capacity, not available) are summarised by {@link #indexDescription()}. {@link Router#diagnose(String)}
 * lists every agent with its verdict. The tie-break text is formatted on first use, so routing does not pay
 * for text nobody reads.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Explanation why = decision.explanation();
 * System.out.println(why.tieBreak());  // "longest-idle: idle for 93000 ms; first of 12 in index ..."
 * }</pre>
 */
public final class Explanation {
    private final String trigger;
    private final String strategy;
    private final String indexDescription;
    private final int indexedCandidates;
    private final List<CandidateVerdict> considered;
    private final int notShown;
    private Supplier<String> tieBreakSource;
    private volatile String tieBreak;

    /**
     * @param trigger           what caused the decision (submitted, agent freed capacity, step timeout, ...)
     * @param strategy          the queue's strategy
     * @param indexDescription  the index walked, e.g. {@code longest-idle:chat/tr/billing}
     * @param indexedCandidates agents in that index (routable, spare capacity, matching skill and language)
     * @param considered        candidates looked at before the winner, in order, with verdicts (capped)
     * @param notShown          candidates looked at but left out of {@code considered} to bound its size
     * @param tieBreak          supplies why the winner won, or why there was none; called at most once
     */
    public Explanation(String trigger, String strategy, String indexDescription, int indexedCandidates,
                       List<CandidateVerdict> considered, int notShown, Supplier<String> tieBreak) {
        this.trigger = Require.nonNull(trigger, "trigger");
        this.strategy = Require.nonNull(strategy, "strategy");
        this.indexDescription = Require.nonNull(indexDescription, "indexDescription");
        this.indexedCandidates = indexedCandidates;
        this.considered = List.copyOf(considered);
        this.notShown = notShown;
        this.tieBreakSource = Require.nonNull(tieBreak, "tieBreak");
    }

    public String trigger() {
        return trigger;
    }

    public String strategy() {
        return strategy;
    }

    public String indexDescription() {
        return indexDescription;
    }

    public int indexedCandidates() {
        return indexedCandidates;
    }

    public List<CandidateVerdict> considered() {
        return considered;
    }

    public int notShown() {
        return notShown;
    }

    /** Why the winner won (or why nobody did). */
    public String tieBreak() {
        String t = tieBreak;
        if (t == null) {
            synchronized (this) {
                if (tieBreak == null) {
                    tieBreak = Objects.requireNonNullElse(tieBreakSource.get(), "");
                    tieBreakSource = null;
                }
                t = tieBreak;
            }
        }
        return t;
    }

    @Override
    public String toString() {
        return "Explanation[trigger=" + trigger + ", strategy=" + strategy + ", index=" + indexDescription + " ("
                + indexedCandidates + "), considered=" + considered + (notShown > 0 ? " +" + notShown : "")
                + ", tieBreak=" + tieBreak() + "]";
    }
}
