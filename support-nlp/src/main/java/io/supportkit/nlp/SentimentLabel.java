package io.supportkit.nlp;

/**
 * Three-class sentiment: score below -0.05 is negative, above 0.05 positive, otherwise neutral (VADER's bands).
 *
 * <p>Example: {@code SentimentLabel.of(-0.6) == SentimentLabel.NEGATIVE}.
 */
public enum SentimentLabel {
    NEGATIVE, NEUTRAL, POSITIVE;

    /** Half-width of the neutral band around 0. */
    public static final double NEUTRAL_BAND = 0.05;

    /** The label of a score in [-1, 1]. */
    public static SentimentLabel of(double score) {
        return score > NEUTRAL_BAND ? POSITIVE : score < -NEUTRAL_BAND ? NEGATIVE : NEUTRAL;
    }
}
