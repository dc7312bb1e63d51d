package io.supportkit.core.event;

import io.supportkit.routing.RoutingEvent;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.TenantId;

import java.time.Instant;

/**
 * The router did something with a conversation: queued it, offered it to an agent (show the offer in their UI
 * and call {@code engine.router().accept(...)}), overflowed it, sent it to a fallback, assigned or released it
 * (R4). {@link #routing()} holds the details; its {@code sequence()} gives the router's global order.
 */
public record RoutingUpdate(TenantId tenant, ConversationId conversation, RoutingEvent routing, Instant at)
        implements SupportEvent {
}
