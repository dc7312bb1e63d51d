package io.supportkit.nlp;

import io.supportkit.internal.Require;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything {@link TextAnalyzer} found in one message. Store and show {@link #redactedText()}, never
 * {@link #text()}; entity and redaction spans refer to {@link #text()}.
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return changed copies (for host interceptors).
 * Example:
 * <pre>{@code
 * TextAnalysis a = analyzer.analyze("My order number is 245-12784, it is 4 days late!");
 * a.language().language();                      // ENGLISH
 * a.entities(EntityType.ORDER_NUMBER).get(0).value(); // "245-12784"
 * a.cues().contains(IntentCue.DELIVERY_DELAY);  // true
 * }</pre>
 *
 * @param text       the analysed text (after host interceptors that changed it)
 * @param language   the detected language
 * @param sentiment  sentiment, anger and churn risk
 * @param entities   entities in text order
 * @param redaction  the redacted text and the redacted spans
 * @param cues       intent cues
 * @param attributes host-defined values added by interceptors
 */
public record TextAnalysis(String text, LanguageGuess language, Sentiment sentiment, List<Entity> entities,
                           RedactionResult redaction, Set<IntentCue> cues, Map<String, String> attributes) {

    /** Validates and copies the collections. */
    public TextAnalysis {
        Require.nonNull(text, "text");
        Require.nonNull(language, "language");
        Require.nonNull(sentiment, "sentiment");
        Require.nonNull(redaction, "redaction");
        entities = List.copyOf(Require.nonNull(entities, "entities"));
        cues = Set.copyOf(Require.nonNull(cues, "cues"));
        attributes = Map.copyOf(Require.nonNull(attributes, "attributes"));
    }

    /** The text safe to store and show. */
    public String redactedText() {
        return redaction.text();
    }

    /** The redacted spans, for audit. */
    public List<Redaction> redactions() {
        return redaction.redactions();
    }

    /** Entities of one type, in text order. */
    public List<Entity> entities(EntityType type) {
        List<Entity> result = new ArrayList<>();
        for (Entity e : entities) {
            if (e.type() == type) {
                result.add(e);
            }
        }
        return result;
    }

    /** A copy with one more attribute (replacing one with the same key). */
    public TextAnalysis withAttribute(String key, String value) {
        Require.nonNull(key, "key");
        Require.nonNull(value, "value");
        Map<String, String> copy = new HashMap<>(attributes);
        copy.put(key, value);
        return new TextAnalysis(text, language, sentiment, entities, redaction, cues, copy);
    }

    /** A copy with another language (for a host that knows better, for example from the customer profile). */
    public TextAnalysis withLanguage(LanguageGuess newLanguage) {
        return new TextAnalysis(text, newLanguage, sentiment, entities, redaction, cues, attributes);
    }

    /** A copy with another sentiment (for a host's own model). */
    public TextAnalysis withSentiment(Sentiment newSentiment) {
        return new TextAnalysis(text, language, newSentiment, entities, redaction, cues, attributes);
    }

    /** A copy with other entities. */
    public TextAnalysis withEntities(List<Entity> newEntities) {
        return new TextAnalysis(text, language, sentiment, newEntities, redaction, cues, attributes);
    }

    /** A copy with other intent cues. */
    public TextAnalysis withCues(Set<IntentCue> newCues) {
        return new TextAnalysis(text, language, sentiment, entities, redaction, newCues, attributes);
    }
}
