package io.supportkit.core.event;

import io.supportkit.storage.Conversation;
import io.supportkit.storage.AgentId;

import java.time.Instant;

/** An agent took over a conversation that nobody held; the conversation is now in the human phase. */
public record AgentJoined(Conversation conversation, AgentId agent, Instant at) implements ConversationEvent {
}
