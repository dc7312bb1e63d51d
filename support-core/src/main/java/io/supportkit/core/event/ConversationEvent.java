package io.supportkit.core.event;

import io.supportkit.storage.Conversation;

/** An event about one conversation; {@link #conversation()} is its snapshot right after the step. */
public sealed interface ConversationEvent extends SupportEvent
        permits ConversationStarted, MessageReceived, AutoReplySent, AgentJoined, AgentReplied, NoteAdded,
        ConversationTransferred, AwaitingCustomer, ConversationResolved, ConversationReopened, ConversationClosed,
        DeliveryFailed, PriorityChanged, SupervisorNotified, RerouteRequested, ReturnedToQueue, CustomerUpset {
    Conversation conversation();

    @Override
    default io.supportkit.storage.TenantId tenant() {
        return conversation().tenant();
    }
}
