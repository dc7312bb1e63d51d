package io.supportkit.storage.spi;

import io.supportkit.storage.CustomerId;
import io.supportkit.storage.ErasureReport;
import io.supportkit.storage.TenantId;

/**
 * Everything supportkit persists, implemented by the host or by one of our adapters (in-memory, JDBC).
 *
 * <h2>Contract every implementation keeps (checked by {@code support-storage-tck})</h2>
 * <ul>
 *   <li>Every call carries a tenant; an id from one tenant never finds, changes or counts data of another.</li>
 *   <li>Each call is atomic: when it throws, nothing it was asked to do is visible.</li>
 *   <li>Bad arguments throw {@link io.supportkit.InvalidInputException}; unknown ids
 *       {@link io.supportkit.NotFoundException}; lost races and uniqueness breaks
 *       {@link io.supportkit.ConflictException}; the store's own failures {@link io.supportkit.StorageException}.</li>
 *   <li>Thread-safe: any method may be called from many threads at once.</li>
 * </ul>
 *
 * <h2>Threading and blocking</h2>
 * Called synchronously on the host thread that called the engine; calls may block on I/O.
 */
public interface SupportStore {

    CustomerStore customers();

    ConversationStore conversations();

    TranscriptStore transcripts();

    /**
     * Removes the customer, all their conversations and every message of those, in one atomic step, so that
     * nothing of them can be found afterwards and their external ids are free again (R9). Idempotent: erasing
     * an unknown customer returns a report of zeros.
     */
    ErasureReport eraseCustomer(TenantId tenant, CustomerId customer);
}
