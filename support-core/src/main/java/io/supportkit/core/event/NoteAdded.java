package io.supportkit.core.event;

import io.supportkit.storage.Conversation;
import io.supportkit.storage.Message;

import java.time.Instant;

/** An internal note, visible to agents only, was stored. */
public record NoteAdded(Conversation conversation, Message message, Instant at) implements ConversationEvent {
}
