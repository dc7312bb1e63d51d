package io.supportkit.core.event;

import io.supportkit.storage.Conversation;

import java.time.Instant;

/** The conversation was closed for good; the customer's next message starts a new one. */
public record ConversationClosed(Conversation conversation, Instant at) implements ConversationEvent {
}
