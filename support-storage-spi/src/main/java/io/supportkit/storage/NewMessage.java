package io.supportkit.storage;

import io.supportkit.InvalidInputException;
import io.supportkit.internal.Require;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A message about to be appended to a transcript; the store gives it its place ({@link Message#sequence()}).
 *
 * <p>Immutable and validated on construction: text is well-formed Unicode of at most {@link #MAX_TEXT_LENGTH}
 * characters, empty only when there are attachments; internal notes come only from agents or the system.
 *
 * @param clientMessageId the sender's own id for this message; appending the same one twice to the same
 *                        conversation stores it once (retries from a flaky transport never duplicate)
 * @param authorId        customer id, agent id, bot name or "system", depending on {@code authorKind}
 */
public record NewMessage(
        TenantId tenant,
        ConversationId conversation,
        MessageId id,
        Optional<String> clientMessageId,
        AuthorKind authorKind,
        String authorId,
        Visibility visibility,
        Channel channel,
        String text,
        List<Attachment> attachments,
        Instant sentAt) {

    /** Hard ceiling of a store; engines may apply a lower one. */
    public static final int MAX_TEXT_LENGTH = 65_536;
    public static final int MAX_ATTACHMENTS = 20;

    public NewMessage {
        Require.nonNull(tenant, "tenant");
        Require.nonNull(conversation, "conversationId");
        Require.nonNull(id, "messageId");
        Require.nonNull(clientMessageId, "clientMessageId");
        clientMessageId.ifPresent(c -> Require.id(c, "clientMessageId"));
        Require.nonNull(authorKind, "authorKind");
        Require.id(authorId, "authorId");
        Require.nonNull(visibility, "visibility");
        Require.nonNull(channel, "channel");
        Require.text(text, "text", MAX_TEXT_LENGTH);
        Require.noNullElements(attachments, "attachments");
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw new InvalidInputException("a message holds at most " + MAX_ATTACHMENTS + " attachments, was "
                    + attachments.size());
        }
        attachments = List.copyOf(attachments);
        if (text.isBlank() && attachments.isEmpty()) {
            throw new InvalidInputException("a message needs text or an attachment; text was blank");
        }
        if (visibility == Visibility.INTERNAL && (authorKind == AuthorKind.CUSTOMER || authorKind == AuthorKind.BOT)) {
            throw new InvalidInputException("internal notes are written by agents or the system, not by "
                    + authorKind);
        }
        Require.nonNull(sentAt, "sentAt");
    }

    /** The stored form of this message at {@code sequence}. */
    public Message at(long sequence) {
        return new Message(tenant, conversation, id, sequence, clientMessageId, authorKind, authorId, visibility,
                channel, text, attachments, sentAt);
    }
}
