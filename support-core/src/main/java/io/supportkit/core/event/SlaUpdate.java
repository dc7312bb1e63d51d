package io.supportkit.core.event;

import io.supportkit.core.sla.SlaEvent;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.TenantId;

import java.time.Instant;

/**
 * An SLA clock of a conversation moved: a target applied, a warning before a breach, a breach, a fulfilment,
 * a pause or a resumption (R8). {@link #sla()} holds the details (policy, metric, target, elapsed time);
 * {@link #at()} is the exact instant it happened, which for a breach noticed late is still the breach time.
 */
public record SlaUpdate(TenantId tenant, ConversationId conversation, SlaEvent sla, Instant at)
        implements SupportEvent {
}
