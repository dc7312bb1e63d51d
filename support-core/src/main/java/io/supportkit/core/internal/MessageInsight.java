package io.supportkit.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.supportkit.core.event.CustomerErased;
import io.supportkit.core.event.CustomerUpset;
import io.supportkit.core.spi.SupportEventListener;
import io.supportkit.core.event.PriorityChanged;
import io.supportkit.core.event.SupportEvent;
import io.supportkit.nlp.ConversationLanguage;
import io.supportkit.nlp.ConversationSentiment;
import io.supportkit.nlp.Language;
import io.supportkit.nlp.Redactor;
import io.supportkit.nlp.Sentiment;
import io.supportkit.nlp.TextAnalysis;
import io.supportkit.nlp.TextAnalyzer;
import io.supportkit.storage.Conversation;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.Priority;
import io.supportkit.storage.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the engine learns from a message's text and what it does about it: redact before storing (R9), keep the
 * conversation's language (R10) and mood (R3), and raise priority and tag an angry or churning customer.
 */
public final class MessageInsight implements SupportEventListener {
    public static final String ANGRY_TAG = "angry";
    public static final String CHURN_TAG = "churn-risk";

    /** The running language and mood of one conversation. */
    private record State(ConversationLanguage language, ConversationSentiment mood) {
        static final State EMPTY = new State(ConversationLanguage.empty(), ConversationSentiment.empty());
    }

    private record Key(TenantId tenant, ConversationId conversation) {
    }

    private final Optional<TextAnalyzer> analyzer;
    private final Redactor redactor;
    /**
     * Bounded and expiring: after a restart or eviction a conversation starts a fresh running state, while
     * what was concluded (language, tags, priority) stays on the stored conversation.
     */
    private final Cache<Key, State> states = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofDays(1))
            .build();

    public MessageInsight(Optional<TextAnalyzer> analyzer, Redactor redactor) {
        this.analyzer = analyzer;
        this.redactor = redactor;
    }

    /** Drops the running state of erased conversations: nothing of an erased customer may linger. */
    @Override
    public void onEvent(SupportEvent event) {
        if (event instanceof CustomerErased erased) {
            erased.conversations().forEach(id -> states.invalidate(new Key(erased.tenant(), id)));
        }
    }

    /** The analysis of a customer's message, when an analyser is configured. Pure: call it outside locks. */
    public Optional<TextAnalysis> analyze(String text) {
        return analyzer.map(a -> a.analyze(text));
    }

    /** The text as it may be stored and shown. */
    public String storable(String text, Optional<TextAnalysis> analysis) {
        return analysis.map(TextAnalysis::redactedText).orElseGet(() -> redactor.redact(text).text());
    }

    /**
     * Folds a customer message's analysis into the conversation: its language once known, and for an angry
     * or churning customer a tag and at least HIGH priority. Returns the changed conversation, same version.
     */
    Conversation apply(Conversation c, Optional<TextAnalysis> analysis, Instant now) {
        if (analysis.isEmpty()) {
            return c;
        }
        TextAnalysis a = analysis.get();
        Key key = new Key(c.tenant(), c.id());
        State before = states.get(key, k -> State.EMPTY);
        State after = new State(before.language().with(a.language()), before.mood().with(a.sentiment()));
        states.put(key, after);

        Conversation next = c;
        Language lang = after.language().language();
        if (lang != Language.UNKNOWN && (after.language().isStable() || c.language().isEmpty())
                && !c.language().equals(Optional.of(lang.isoCode()))) {
            next = next.withLanguage(lang.isoCode(), now);
        }
        Sentiment mood = a.sentiment();
        if (mood.isAngry() || mood.isChurnRisk()) {
            Set<String> tags = new LinkedHashSet<>(next.tags());
            if (mood.isAngry()) {
                tags.add(ANGRY_TAG);
            }
            if (mood.isChurnRisk()) {
                tags.add(CHURN_TAG);
            }
            next = next.withTags(tags, now);
            if (next.priority().compareTo(Priority.HIGH) < 0) {
                next = next.withPriority(Priority.HIGH, now);
            }
        }
        return next;
    }

    /** The events that explain what {@link #apply} changed, on the conversation as stored afterwards. */
    void explain(Conversation before, Conversation stored, Optional<TextAnalysis> analysis, List<SupportEvent> events,
                 Instant now) {
        if (analysis.isEmpty()) {
            return;
        }
        Sentiment mood = analysis.get().sentiment();
        if (stored.priority() != before.priority()) {
            String reason = mood.isChurnRisk() ? "customer may churn" : "customer is angry";
            events.add(new PriorityChanged(stored, before.priority(), stored.priority(), reason, now));
        }
        if (mood.isAngry() || mood.isChurnRisk()) {
            events.add(new CustomerUpset(stored, mood, now));
        }
    }
}
