package io.supportkit.core.event;

import io.supportkit.storage.Conversation;

import java.time.Instant;

/** A customer's message opened a new conversation. */
public record ConversationStarted(Conversation conversation, Instant at) implements ConversationEvent {
}
