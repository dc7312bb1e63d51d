package io.supportkit.nlp;

/**
 * Sentiment of one message: a score in [-1, 1] with its label, an anger/frustration signal and a churn-risk
 * signal, each in [0, 1].
 *
 * <p>Immutable and thread-safe. Example: the angry S2 message gives a negative score, {@code isAngry()} and
 * {@code isChurnRisk()} true.
 *
 * @param score     compound valence in [-1, 1]
 * @param label     the three-class label of the score
 * @param anger     anger/frustration in [0, 1]: anger words, negative score, shouting, "!!!", angry emoji
 * @param churnRisk churn risk in [0, 1]: "cancel my subscription", "talk to your manager", "worst service", ...
 */
public record Sentiment(double score, SentimentLabel label, double anger, double churnRisk) {

    /** Threshold above which {@link #isAngry()} and {@link #isChurnRisk()} are true. */
    public static final double SIGNAL_THRESHOLD = 0.5;

    /** No sentiment at all. */
    public static final Sentiment NEUTRAL = new Sentiment(0.0, SentimentLabel.NEUTRAL, 0.0, 0.0);

    /** True when anger is at least {@value #SIGNAL_THRESHOLD}. */
    public boolean isAngry() {
        return anger >= SIGNAL_THRESHOLD;
    }

    /** True when churn risk is at least {@value #SIGNAL_THRESHOLD}. */
    public boolean isChurnRisk() {
        return churnRisk >= SIGNAL_THRESHOLD;
    }
}
