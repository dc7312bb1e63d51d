package io.supportkit.storage;

import io.supportkit.InvalidInputException;
import io.supportkit.internal.Require;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stored message of a transcript. Immutable.
 *
 * @param sequence its place in the conversation: 1 for the first, gapless and increasing in append order
 * @see NewMessage for the meaning of the other fields
 */
public record Message(
        TenantId tenant,
        ConversationId conversation,
        MessageId id,
        long sequence,
        Optional<String> clientMessageId,
        AuthorKind authorKind,
        String authorId,
        Visibility visibility,
        Channel channel,
        String text,
        List<Attachment> attachments,
        Instant sentAt) {

    public Message {
        if (sequence < 1) {
            throw new InvalidInputException("sequence must be at least 1, was " + sequence);
        }
        // Reuse NewMessage's validation so a stored message can never be something an append would refuse.
        new NewMessage(tenant, conversation, id, clientMessageId, authorKind, authorId, visibility, channel, text,
                attachments, sentAt);
        attachments = List.copyOf(attachments);
    }

    public boolean isInternal() {
        return visibility == Visibility.INTERNAL;
    }
}
