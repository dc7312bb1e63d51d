package io.supportkit.nlp;

import io.supportkit.ConfigurationException;
import io.supportkit.internal.Require;
import io.supportkit.nlp.internal.LanguageScorer;
import java.util.EnumSet;
import java.util.Set;

/**
 * Identifies the language of short chat lines, in-process, from a compact character n-gram model (orders 1-5,
 * 75 languages, about 29 MB in the jar, about 115 MB of heap) shipped in this module.
 *
 * <p>How: the script of the letters picks the candidates (a language with its own script, such as Greek, Thai or
 * Korean, is decided by it; in a line mixing scripts, the script with the most words, a tie going to the one that
 * is not Latin, and only its words are scored); then every candidate sums the log-probabilities of all 1- to 5-grams of every word,
 * backing off to shorter prefixes; the confidence is a softmax over per-n-gram averages. A host may restrict the
 * candidates and set the confidence below which the answer is {@link Language#UNKNOWN}.
 *
 * <p>Immutable and thread-safe; the model is loaded once per JVM on the first {@link Builder#build()}.
 * <pre>{@code
 * LanguageDetector detector = LanguageDetector.newBuilder()
 *     .candidates(Set.of(Language.ENGLISH, Language.TURKISH, Language.PERSIAN))
 *     .minimumConfidence(0.5)
 *     .build();
 * detector.detect("Siparişim nerede?").language(); // TURKISH
 * }</pre>
 */
public final class LanguageDetector {

    private final Set<Language> candidates;
    private final double minimumConfidence;
    private final LanguageScorer scorer;

    private LanguageDetector(Builder builder) {
        this.candidates = builder.candidates.isEmpty() ? EnumSet.complementOf(EnumSet.of(Language.UNKNOWN))
            : EnumSet.copyOf(builder.candidates);
        this.minimumConfidence = builder.minimumConfidence;
        this.scorer = new LanguageScorer(candidates);
    }

    /** A builder: all 75 languages, minimum confidence 0 (always answer when there are letters). */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** The candidate languages. */
    public Set<Language> candidates() {
        return Set.copyOf(candidates);
    }

    /** Confidence below which {@link #detect(CharSequence)} answers UNKNOWN. */
    public double minimumConfidence() {
        return minimumConfidence;
    }

    /**
     * The language of {@code text}. Never throws for non-null input (any string, including control characters and
     * unpaired surrogates); texts without letters give {@link LanguageGuess#NONE}.
     *
     * @throws io.supportkit.InvalidInputException when text is null
     */
    public LanguageGuess detect(CharSequence text) {
        Require.nonNull(text, "text");
        LanguageGuess guess = scorer.detect(text);
        if (guess.isKnown() && guess.confidence() < minimumConfidence) {
            return new LanguageGuess(Language.UNKNOWN, guess.confidence(), guess.language(), guess.letters());
        }
        return guess;
    }

    /**
     * Builds a {@link LanguageDetector}. Not thread-safe.
     * Example: {@code LanguageDetector.newBuilder().candidates(Set.of(Language.TURKISH, Language.AZERBAIJANI))}.
     */
    public static final class Builder {
        private Set<Language> candidates = EnumSet.noneOf(Language.class);
        private double minimumConfidence;

        private Builder() {
        }

        /** Restricts the answer to these languages (empty means all). UNKNOWN is not a candidate. */
        public Builder candidates(Set<Language> languages) {
            Require.noNullElements(Require.nonNull(languages, "languages"), "languages");
            this.candidates = languages.isEmpty() ? EnumSet.noneOf(Language.class) : EnumSet.copyOf(languages);
            return this;
        }

        /** Confidence in [0, 1] below which the answer is UNKNOWN; default 0. */
        public Builder minimumConfidence(double confidence) {
            this.minimumConfidence = confidence;
            return this;
        }

        /**
         * Validates, loads the shared model if needed, and builds.
         *
         * @throws ConfigurationException when UNKNOWN is a candidate or the confidence is outside [0, 1]
         */
        public LanguageDetector build() {
            if (candidates.contains(Language.UNKNOWN)) {
                throw new ConfigurationException("candidates must not contain UNKNOWN, was " + candidates);
            }
            if (!(minimumConfidence >= 0.0 && minimumConfidence <= 1.0)) {
                throw new ConfigurationException("minimumConfidence must be in [0, 1], was " + minimumConfidence);
            }
            return new LanguageDetector(this);
        }
    }
}
