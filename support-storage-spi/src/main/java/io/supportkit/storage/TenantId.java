package io.supportkit.storage;

import io.supportkit.internal.Require;

/**
 * Identifies a tenant: a brand or client sharing one host. Every store call carries one and nothing crosses tenants.
 *
 * <p>Immutable value; at most {@value Require#MAX_ID_LENGTH} characters, not blank, no control characters.
 *
 * <pre>{@code TenantId id = TenantId.of("acme");}</pre>
 */
public record TenantId(String value) implements Comparable<TenantId> {
    public TenantId {
        Require.id(value, "tenantId");
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
