package io.supportkit.core.event;

import io.supportkit.storage.Conversation;
import io.supportkit.storage.AgentId;

import java.time.Instant;

/** The conversation moved from one agent to another with its whole history; counted in {@code transferCount}. */
public record ConversationTransferred(Conversation conversation, AgentId from, AgentId to, String reason, Instant at) implements ConversationEvent {
}
