package io.supportkit.core.event;

import io.supportkit.core.sla.SlaEvent;
import io.supportkit.storage.Conversation;

import java.time.Instant;

/** An SLA escalation asks the host to tell a supervisor about this conversation. */
public record SupervisorNotified(Conversation conversation, String supervisor, SlaEvent cause, Instant at)
        implements ConversationEvent {
}
