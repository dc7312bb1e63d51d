package io.supportkit.core.event;

import io.supportkit.storage.CustomerId;
import io.supportkit.storage.ErasureReport;
import io.supportkit.storage.TenantId;

import java.time.Instant;

/** Everything of a customer was erased on request (R9); the report says how much. */
public record CustomerErased(TenantId tenant, CustomerId customer, ErasureReport report, Instant at)
        implements SupportEvent {
}
