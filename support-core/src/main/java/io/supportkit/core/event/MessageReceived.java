package io.supportkit.core.event;

import io.supportkit.storage.Conversation;
import io.supportkit.storage.Message;

import java.time.Instant;

/** A customer's message was stored in the transcript. */
public record MessageReceived(Conversation conversation, Message message, Instant at) implements ConversationEvent {
}
