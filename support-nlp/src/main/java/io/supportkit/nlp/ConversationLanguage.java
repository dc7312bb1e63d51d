package io.supportkit.nlp;

import io.supportkit.internal.Require;
import java.util.EnumMap;
import java.util.Map;

/**
 * The language of a whole conversation: every message's guess adds evidence weighted by its confidence and its
 * letters (at most 200 per message), so a long message counts more than "ok". Once {@value #STABLE_LETTERS}
 * letters were seen and one language holds at least 70% of the evidence, the answer is {@link #isStable() stable}:
 * a short line in another language ("merci", a product name) does not flip it.
 *
 * <p>Immutable and thread-safe: {@link #with(LanguageGuess)} returns the next state.
 * <pre>{@code
 * ConversationLanguage lang = ConversationLanguage.empty();
 * lang = lang.with(analysis.language());
 * if (lang.isStable()) route(lang.language());
 * }</pre>
 */
public final class ConversationLanguage {

    /** Letters after which a dominant language is stable. */
    public static final int STABLE_LETTERS = 40;
    private static final int MAX_LETTERS_PER_MESSAGE = 200;
    private static final double STABLE_SHARE = 0.7;

    private final Map<Language, Double> evidence;
    private final int letters;
    private final LanguageGuess last;

    private ConversationLanguage(Map<Language, Double> evidence, int letters, LanguageGuess last) {
        this.evidence = evidence;
        this.letters = letters;
        this.last = last;
    }

    /** Nothing seen yet. */
    public static ConversationLanguage empty() {
        return new ConversationLanguage(new EnumMap<>(Language.class), 0, LanguageGuess.NONE);
    }

    /** The state after one more message's guess. */
    public ConversationLanguage with(LanguageGuess guess) {
        Require.nonNull(guess, "guess");
        if (!guess.isKnown()) {
            return this;
        }
        EnumMap<Language, Double> next = new EnumMap<>(Language.class);
        next.putAll(evidence);
        int weight = Math.min(guess.letters(), MAX_LETTERS_PER_MESSAGE);
        next.merge(guess.language(), guess.confidence() * weight, Double::sum);
        return new ConversationLanguage(next, letters + weight, guess);
    }

    /** The best language so far; UNKNOWN before any known guess. */
    public Language language() {
        Language best = Language.UNKNOWN;
        double top = 0;
        for (Map.Entry<Language, Double> e : evidence.entrySet()) {
            if (e.getValue() > top) {
                top = e.getValue();
                best = e.getKey();
            }
        }
        return best;
    }

    /** Share of the evidence held by {@link #language()}, in [0, 1]. */
    public double confidence() {
        double total = 0;
        double top = 0;
        for (double v : evidence.values()) {
            total += v;
            top = Math.max(top, v);
        }
        return total == 0 ? 0.0 : top / total;
    }

    /** True when enough letters were seen and one language dominates. */
    public boolean isStable() {
        return letters >= STABLE_LETTERS && confidence() >= STABLE_SHARE;
    }

    /** The latest message's guess. */
    public LanguageGuess lastGuess() {
        return last;
    }

    /** Letters counted so far (capped per message). */
    public int letters() {
        return letters;
    }

    @Override
    public String toString() {
        return "ConversationLanguage[" + language() + ", confidence=" + confidence() + ", stable=" + isStable() + "]";
    }
}
