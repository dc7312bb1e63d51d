package io.supportkit.core.event;

import io.supportkit.storage.ConversationId;
import io.supportkit.storage.CustomerId;
import io.supportkit.storage.ErasureReport;
import io.supportkit.storage.TenantId;

import java.time.Instant;
import java.util.List;

/**
 * Everything of a customer was erased on request (R9); the report says how much.
 *
 * @param conversations the ids of the conversations that were erased, so that anything keyed by them (a routing
 *                      task, an SLA clock, a host's cache) can be dropped too
 */
public record CustomerErased(TenantId tenant, CustomerId customer, List<ConversationId> conversations,
                             ErasureReport report, Instant at) implements SupportEvent {
    public CustomerErased {
        conversations = List.copyOf(conversations);
    }
}
