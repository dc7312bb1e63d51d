package io.supportkit.core.event;

import io.supportkit.storage.Conversation;
import io.supportkit.storage.AgentId;

import java.time.Instant;

/** The conversation now waits on the customer (PENDING); SLA clocks that pause for the customer pause. */
public record AwaitingCustomer(Conversation conversation, AgentId by, Instant at) implements ConversationEvent {
}
