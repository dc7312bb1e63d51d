package io.supportkit.core.event;

import io.supportkit.storage.AgentId;
import io.supportkit.storage.Conversation;

import java.time.Duration;
import java.time.Instant;

/**
 * The agent holding the conversation let the customer wait too long without a reply, so it was taken from
 * them and goes back to be picked up again (reassign-on-no-reply).
 */
public record ReturnedToQueue(Conversation conversation, AgentId agent, Duration waited, Instant at)
        implements ConversationEvent {
}
