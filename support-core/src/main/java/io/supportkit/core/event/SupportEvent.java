package io.supportkit.core.event;

import io.supportkit.storage.TenantId;

import java.time.Instant;

/**
 * Something that happened in the engine, stamped with the engine's clock. Every step of a conversation has
 * its own type, so a listener can {@code switch} over them and the compiler lists what it missed.
 *
 * <p>Events are immutable records and are published only after the change they describe is stored.
 */
public sealed interface SupportEvent permits ConversationEvent, CustomerErased, SlaUpdate, RoutingUpdate {
    TenantId tenant();

    Instant at();
}
