package io.supportkit.core.event;

import io.supportkit.storage.AgentId;
import io.supportkit.storage.Conversation;

import java.time.Instant;
import java.util.Optional;

/**
 * A resolved conversation became open again.
 *
 * @param by the agent who reopened it, or empty when the customer's new message did
 */
public record ConversationReopened(Conversation conversation, Optional<AgentId> by, Instant at)
        implements ConversationEvent {
}
