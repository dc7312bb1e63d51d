package io.supportkit.core.event;

import io.supportkit.nlp.TextAnalysis;
import io.supportkit.storage.Conversation;
import io.supportkit.storage.Message;

import java.time.Instant;
import java.util.Optional;

/**
 * A customer's message was stored in the transcript (redacted: {@link Message#text()} never holds a secret).
 *
 * @param analysis what the engine's text analyser found (language, sentiment, entities such as order numbers,
 *                 intent cues, the redacted spans); empty when the engine has no analyser. Its
 *                 {@link TextAnalysis#text()} is the original text: do not store or show it.
 */
public record MessageReceived(Conversation conversation, Message message, Optional<TextAnalysis> analysis,
                              Instant at) implements ConversationEvent {
}
