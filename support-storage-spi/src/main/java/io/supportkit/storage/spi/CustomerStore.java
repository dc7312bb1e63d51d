package io.supportkit.storage.spi;

import io.supportkit.storage.Customer;
import io.supportkit.storage.CustomerId;
import io.supportkit.storage.ExternalId;
import io.supportkit.storage.TenantId;

import java.util.Optional;

/**
 * Customers and their addresses on each channel. An {@link ExternalId} belongs to at most one customer per
 * tenant. Thread-safe; see {@link SupportStore} for the contract.
 */
public interface CustomerStore {

    /**
     * Stores a new customer.
     *
     * @throws io.supportkit.ConflictException when the id exists or one of its external ids is already owned
     */
    Customer insert(Customer customer);

    Optional<Customer> find(TenantId tenant, CustomerId id);

    Optional<Customer> findByExternalId(TenantId tenant, ExternalId externalId);

    /**
     * Links one more address to a customer, so that messages from it land in the same history (R2).
     * Linking an id the customer already has changes nothing.
     *
     * @return the customer as stored afterwards
     * @throws io.supportkit.NotFoundException when the customer does not exist
     * @throws io.supportkit.ConflictException when another customer owns the external id
     */
    Customer addExternalId(TenantId tenant, CustomerId id, ExternalId externalId);
}
