package io.supportkit.core.event;

import io.supportkit.storage.Conversation;
import io.supportkit.storage.Message;

import java.time.Instant;

/** The outbound sink threw while delivering a stored message; the message stays in the transcript. */
public record DeliveryFailed(Conversation conversation, Message message, String error, Instant at) implements ConversationEvent {
}
