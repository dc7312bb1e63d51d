package io.supportkit.core.event;

import io.supportkit.storage.Conversation;
import io.supportkit.storage.Priority;

import java.time.Instant;

/**
 * The conversation's priority changed, by an agent, an SLA escalation or the engine's own reading of the
 * customer's mood.
 *
 * @param reason why, in words fit for an audit log ("SLA breach of FIRST_RESPONSE", "set by ana")
 */
public record PriorityChanged(Conversation conversation, Priority from, Priority to, String reason, Instant at)
        implements ConversationEvent {
}
