package io.supportkit.core.event;

import io.supportkit.storage.Conversation;
import io.supportkit.storage.Message;

import java.time.Instant;

/** An agent's public reply was stored and handed to the sink. */
public record AgentReplied(Conversation conversation, Message message, Instant at) implements ConversationEvent {
}
