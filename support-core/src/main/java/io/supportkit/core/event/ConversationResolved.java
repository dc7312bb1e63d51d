package io.supportkit.core.event;

import io.supportkit.storage.Conversation;
import io.supportkit.storage.AgentId;

import java.time.Instant;

/** The conversation was resolved and its agent released; a new customer message reopens it. */
public record ConversationResolved(Conversation conversation, AgentId by, Instant at) implements ConversationEvent {
}
