package io.supportkit.storage;

import io.supportkit.InvalidInputException;
import io.supportkit.internal.Require;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A person who writes to support, recognised across channels by their {@link ExternalId}s (R2).
 *
 * <p>Immutable; the external ids keep the order in which they were linked.
 *
 * <pre>{@code
 * Customer c = Customer.create(tenant, CustomerId.of("cus_42"), new ExternalId(Channel.WEB, "visitor-9"), now);
 * }</pre>
 */
public record Customer(TenantId tenant, CustomerId id, Optional<String> displayName, Set<ExternalId> externalIds,
                       Instant createdAt) {
    public static final int MAX_DISPLAY_NAME_LENGTH = 200;

    public Customer {
        Require.nonNull(tenant, "tenant");
        Require.nonNull(id, "customerId");
        Require.nonNull(displayName, "displayName");
        displayName.ifPresent(n -> Require.text(n, "displayName", MAX_DISPLAY_NAME_LENGTH));
        Require.noNullElements(externalIds, "externalIds");
        if (externalIds.isEmpty()) {
            throw new InvalidInputException("externalIds must hold at least one id for customer " + id);
        }
        externalIds = Collections.unmodifiableSet(new LinkedHashSet<>(externalIds));
        Require.nonNull(createdAt, "createdAt");
    }

    public static Customer create(TenantId tenant, CustomerId id, ExternalId firstContact, Instant createdAt) {
        return new Customer(tenant, id, Optional.empty(), Set.of(Require.nonNull(firstContact, "externalId")),
                createdAt);
    }

    /** A copy with one more external id (a no-op copy when it is already linked). */
    public Customer withExternalId(ExternalId externalId) {
        Set<ExternalId> ids = new LinkedHashSet<>(externalIds);
        ids.add(Require.nonNull(externalId, "externalId"));
        return new Customer(tenant, id, displayName, ids, createdAt);
    }

    public Customer withDisplayName(String name) {
        return new Customer(tenant, id, Optional.of(name), externalIds, createdAt);
    }
}
