package io.supportkit.storage.spi;

import io.supportkit.storage.AppendResult;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.NewMessage;
import io.supportkit.storage.TenantId;
import io.supportkit.storage.TranscriptPage;

import java.util.Optional;

/**
 * The messages of each conversation, append-only. Thread-safe: concurrent appends to one conversation get
 * distinct, gapless sequences; see {@link SupportStore} for the rest of the contract.
 */
public interface TranscriptStore {

    /** Largest page a read may ask for. */
    int MAX_PAGE_SIZE = 1000;

    /**
     * Appends a message at the end of its conversation's transcript. Idempotent on the client message id:
     * a second append with the same one to the same conversation writes nothing and returns the first.
     *
     * @throws io.supportkit.NotFoundException when the conversation does not exist in that tenant
     * @throws io.supportkit.ConflictException when the message id is already used
     */
    AppendResult append(NewMessage message);

    /**
     * Messages with a sequence above {@code afterSequence}, at most {@code limit}, in sequence order.
     *
     * @throws io.supportkit.InvalidInputException when {@code afterSequence} is negative or {@code limit} is
     *                                             outside 1..{@value #MAX_PAGE_SIZE}
     * @throws io.supportkit.NotFoundException     when the conversation does not exist in that tenant
     */
    TranscriptPage read(TenantId tenant, ConversationId conversation, long afterSequence, int limit);

    /** The message stored under a client message id, if any. */
    Optional<io.supportkit.storage.Message> findByClientMessageId(TenantId tenant, ConversationId conversation,
                                                                  String clientMessageId);

    /** How many messages the conversation has. */
    long count(TenantId tenant, ConversationId conversation);
}
