package io.supportkit.storage;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a conversation stands. The allowed moves form a small state machine:
 *
 * <pre>
 * OPEN     -> PENDING, RESOLVED, CLOSED
 * PENDING  -> OPEN, RESOLVED, CLOSED      (waiting on the customer; SLA clocks pause here)
 * RESOLVED -> OPEN, CLOSED                (reopened when the customer writes again)
 * CLOSED   -> nothing                     (a new message starts a new conversation)
 * </pre>
 *
 * <p>A customer has at most one conversation that is not {@code CLOSED} per tenant.
 */
public enum ConversationStatus {
    OPEN,
    PENDING,
    RESOLVED,
    CLOSED;

    private Set<ConversationStatus> next;

    static {
        OPEN.next = EnumSet.of(PENDING, RESOLVED, CLOSED);
        PENDING.next = EnumSet.of(OPEN, RESOLVED, CLOSED);
        RESOLVED.next = EnumSet.of(OPEN, CLOSED);
        CLOSED.next = EnumSet.noneOf(ConversationStatus.class);
    }

    public boolean canMoveTo(ConversationStatus target) {
        return next.contains(target);
    }

    /** Open or pending: agents can reply and the customer is waiting for someone. */
    public boolean isActive() {
        return this == OPEN || this == PENDING;
    }
}
