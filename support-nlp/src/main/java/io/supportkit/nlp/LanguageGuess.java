package io.supportkit.nlp;

/**
 * The language of a text with a confidence in [0, 1], and the runner-up for close-language decisions.
 *
 * <p>Immutable and thread-safe. Example: {@code detector.detect("sipariş numaram")} gives
 * {@code LanguageGuess[language=TURKISH, confidence=0.93, runnerUp=AZERBAIJANI, letters=14]}.
 *
 * @param language   the best language, or {@link Language#UNKNOWN} when unsure or there are no letters
 * @param confidence the probability of the best candidate (0 for UNKNOWN without letters)
 * @param runnerUp   the second-best candidate, or UNKNOWN
 * @param letters    how many letters the decision saw (the weight of this guess in a conversation)
 */
public record LanguageGuess(Language language, double confidence, Language runnerUp, int letters) {

    /** The guess for a text without letters. */
    public static final LanguageGuess NONE = new LanguageGuess(Language.UNKNOWN, 0.0, Language.UNKNOWN, 0);

    /** True unless the language is {@link Language#UNKNOWN}. */
    public boolean isKnown() {
        return language != Language.UNKNOWN;
    }
}
