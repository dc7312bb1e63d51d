package io.supportkit.storage;

import io.supportkit.internal.Require;

/**
 * Identifies a conversation within a tenant.
 *
 * <p>Immutable value; at most {@value Require#MAX_ID_LENGTH} characters, not blank, no control characters.
 *
 * <pre>{@code ConversationId id = ConversationId.of("conv_7");}</pre>
 */
public record ConversationId(String value) implements Comparable<ConversationId> {
    public ConversationId {
        Require.id(value, "conversationId");
    }

    public static ConversationId of(String value) {
        return new ConversationId(value);
    }

    @Override
    public int compareTo(ConversationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
