package io.supportkit.core.event;

import io.supportkit.storage.Conversation;
import io.supportkit.storage.Message;

import java.time.Instant;

/** The engine answered on its own (the acknowledgement) and the reply was stored and handed to the sink. */
public record AutoReplySent(Conversation conversation, Message message, Instant at) implements ConversationEvent {
}
