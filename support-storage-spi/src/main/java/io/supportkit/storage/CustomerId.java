package io.supportkit.storage;

import io.supportkit.internal.Require;

/**
 * Identifies a customer within a tenant, whatever channel they write from.
 *
 * <p>Immutable value; at most {@value Require#MAX_ID_LENGTH} characters, not blank, no control characters.
 *
 * <pre>{@code CustomerId id = CustomerId.of("cus_42");}</pre>
 */
public record CustomerId(String value) implements Comparable<CustomerId> {
    public CustomerId {
        Require.id(value, "customerId");
    }

    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public int compareTo(CustomerId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
