package io.supportkit.core.event;

import io.supportkit.core.sla.SlaEvent;
import io.supportkit.storage.Conversation;

import java.time.Instant;

/** An SLA escalation asks for the conversation to move to another queue or team. */
public record RerouteRequested(Conversation conversation, String queue, SlaEvent cause, Instant at)
        implements ConversationEvent {
}
