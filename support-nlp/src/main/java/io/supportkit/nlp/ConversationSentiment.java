package io.supportkit.nlp;

import io.supportkit.ConfigurationException;
import io.supportkit.internal.Require;

/**
 * Sentiment of a whole conversation, weighting recent messages more: each new message counts 1 and every older
 * one is multiplied by {@code decay} per message. Anger follows the latest angry message and fades with the same
 * decay; churn risk fades slower (a customer who threatened to cancel stays at risk).
 *
 * <p>Immutable and thread-safe: {@link #with(Sentiment)} returns the next state, so an engine can keep it in its
 * conversation record and update it atomically.
 * <pre>{@code
 * ConversationSentiment c = ConversationSentiment.empty();
 * for (TextAnalysis a : customerMessages) c = c.with(a.sentiment());
 * c.label(); c.anger(); c.isChurnRisk();
 * }</pre>
 */
public final class ConversationSentiment {

    /** Default per-message decay of older messages' weight. */
    public static final double DEFAULT_DECAY = 0.6;
    private static final double CHURN_DECAY = 0.9;

    private final double decay;
    private final double weightedSum;
    private final double weight;
    private final double anger;
    private final double churnRisk;
    private final int messages;

    private ConversationSentiment(double decay, double weightedSum, double weight, double anger, double churnRisk,
                                  int messages) {
        this.decay = decay;
        this.weightedSum = weightedSum;
        this.weight = weight;
        this.anger = anger;
        this.churnRisk = churnRisk;
        this.messages = messages;
    }

    /** No messages yet, {@link #DEFAULT_DECAY}. */
    public static ConversationSentiment empty() {
        return new ConversationSentiment(DEFAULT_DECAY, 0, 0, 0, 0, 0);
    }

    /**
     * No messages yet, with a custom decay in (0, 1].
     *
     * @throws ConfigurationException when decay is outside (0, 1]
     */
    public static ConversationSentiment empty(double decay) {
        if (!(decay > 0.0 && decay <= 1.0)) {
            throw new ConfigurationException("decay must be in (0, 1], was " + decay);
        }
        return new ConversationSentiment(decay, 0, 0, 0, 0, 0);
    }

    /** The state after one more message. */
    public ConversationSentiment with(Sentiment message) {
        Require.nonNull(message, "message");
        return new ConversationSentiment(decay, weightedSum * decay + message.score(), weight * decay + 1.0,
            Math.max(anger * decay, message.anger()), Math.max(churnRisk * CHURN_DECAY, message.churnRisk()),
            messages + 1);
    }

    /** Recency-weighted mean score in [-1, 1]; 0 without messages. */
    public double score() {
        return weight == 0 ? 0.0 : weightedSum / weight;
    }

    /** Label of {@link #score()}. */
    public SentimentLabel label() {
        return SentimentLabel.of(score());
    }

    /** Current anger in [0, 1]. */
    public double anger() {
        return anger;
    }

    /** Current churn risk in [0, 1]. */
    public double churnRisk() {
        return churnRisk;
    }

    /** True when anger is at least {@link Sentiment#SIGNAL_THRESHOLD}. */
    public boolean isAngry() {
        return anger >= Sentiment.SIGNAL_THRESHOLD;
    }

    /** True when churn risk is at least {@link Sentiment#SIGNAL_THRESHOLD}. */
    public boolean isChurnRisk() {
        return churnRisk >= Sentiment.SIGNAL_THRESHOLD;
    }

    /** Messages seen. */
    public int messages() {
        return messages;
    }

    /** As a message-level value, for code that takes a {@link Sentiment}. */
    public Sentiment toSentiment() {
        return new Sentiment(score(), label(), anger, churnRisk);
    }

    @Override
    public String toString() {
        return "ConversationSentiment[score=" + score() + ", anger=" + anger + ", churnRisk=" + churnRisk
            + ", messages=" + messages + "]";
    }
}
