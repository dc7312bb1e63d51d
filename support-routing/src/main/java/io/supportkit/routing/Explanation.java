package io.supportkit.routing;

import java.util.List;

/**
 * Why a decision came out the way it did, so a host can show "why did this go to Ana?": what triggered it,
 * the rule and step, the strategy, the index the router walked (and how many agents were in it), every
 * candidate it looked at with the filter that removed them, and the tie-break that made the winner win.
 *
 * <p>The router walks agents in strategy order and stops at the first eligible one, so {@link #considered()}
 * lists the agents ahead of the winner; agents not in the index at all (wrong channel, language or skill, no
 * spare capacity, not available) are summarised by {@link #indexDescription()}. {@link Router#diagnose(String)}
 * lists every agent with its verdict. Immutable and thread-safe.
 *
 * <pre>{@code
 * Explanation why = decision.explanation();
 * System.out.println(why.tieBreak());  // "longest-idle: idle since 09:14:03Z, first of 12 in index"
 * }</pre>
 *
 * @param trigger           what caused the decision (submitted, agent freed capacity, step timeout, ...)
 * @param strategy          the queue's strategy
 * @param indexDescription  the index walked, e.g. {@code chat/tr/billing>=3}
 * @param indexedCandidates agents in that index (routable, spare capacity, matching skill and language)
 * @param considered        candidates looked at, in order, with verdicts (capped; see {@code notShown})
 * @param notShown          candidates looked at but left out of {@code considered} to bound its size
 * @param tieBreak          why the winner won, or why there was none
 */
public record Explanation(String trigger, String strategy, String indexDescription, int indexedCandidates,
                          List<CandidateVerdict> considered, int notShown, String tieBreak) {
    public Explanation {
        considered = List.copyOf(considered);
    }
}
