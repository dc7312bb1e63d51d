package io.supportkit.storage.spi;

import io.supportkit.storage.Conversation;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.CustomerId;
import io.supportkit.storage.TenantId;

import java.util.List;
import java.util.Optional;

/**
 * Conversation snapshots with optimistic concurrency. A customer has at most one conversation that is not
 * {@link io.supportkit.storage.ConversationStatus#CLOSED CLOSED} per tenant. Thread-safe; see
 * {@link SupportStore} for the contract.
 */
public interface ConversationStore {

    /**
     * Stores a new conversation at version 1 and makes an empty transcript for it.
     *
     * @throws io.supportkit.InvalidInputException when its version is not 1
     * @throws io.supportkit.NotFoundException when its customer does not exist
     * @throws io.supportkit.ConflictException when the id exists, or the customer already has a conversation
     *                                         that is not closed
     */
    Conversation insert(Conversation conversation);

    Optional<Conversation> find(TenantId tenant, ConversationId id);

    /** The customer's conversation that is not closed, if any. */
    Optional<Conversation> findActive(TenantId tenant, CustomerId customer);

    /** Every conversation of the customer, oldest first. */
    List<Conversation> listByCustomer(TenantId tenant, CustomerId customer);

    /**
     * Replaces the stored snapshot when the stored version is still {@code conversation.version()}, and keeps
     * the new one at {@link Conversation#nextVersion() the next version}.
     *
     * @return the snapshot as stored, one version up
     * @throws io.supportkit.NotFoundException when it does not exist
     * @throws io.supportkit.ConflictException when the stored version differs (someone else updated it first)
     * @throws io.supportkit.InvalidInputException when it changes the customer or the creation time, or
     *                                             moves from CLOSED to anything else
     */
    Conversation update(Conversation conversation);
}
