package io.supportkit.storage;

import io.supportkit.internal.Require;

/**
 * Identifies a message within a tenant.
 *
 * <p>Immutable value; at most {@value Require#MAX_ID_LENGTH} characters, not blank, no control characters.
 *
 * <pre>{@code MessageId id = MessageId.of("msg_1");}</pre>
 */
public record MessageId(String value) implements Comparable<MessageId> {
    public MessageId {
        Require.id(value, "messageId");
    }

    public static MessageId of(String value) {
        return new MessageId(value);
    }

    @Override
    public int compareTo(MessageId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
