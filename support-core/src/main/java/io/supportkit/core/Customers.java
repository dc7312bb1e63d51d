package io.supportkit.core;

import io.supportkit.storage.Customer;
import io.supportkit.storage.CustomerId;
import io.supportkit.storage.ErasureReport;
import io.supportkit.storage.ExternalId;
import io.supportkit.storage.TenantId;

import java.util.Optional;

/**
 * Customers, their addresses on each channel, and their data rights (R2, R9). Obtained from
 * {@link SupportEngine#customers()}. Thread-safe.
 */
public interface Customers {

    /** The customer who owns this address, created on first contact. */
    Customer identify(TenantId tenant, ExternalId address);

    Optional<Customer> find(TenantId tenant, CustomerId id);

    /**
     * Links another address to a customer, so that what they write from it lands in the same history.
     *
     * @throws io.supportkit.ConflictException when another customer owns the address
     */
    Customer link(TenantId tenant, CustomerId id, ExternalId address);

    /** Everything stored about the customer (access request). */
    CustomerExport export(TenantId tenant, CustomerId id);

    /** Erases the customer and all their conversations and messages (erasure request); idempotent. */
    ErasureReport erase(TenantId tenant, CustomerId id);
}
