package io.supportkit.core;

import io.supportkit.storage.AgentId;
import io.supportkit.storage.Conversation;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.CustomerId;
import io.supportkit.core.sla.SlaSnapshot;
import io.supportkit.storage.Message;
import io.supportkit.storage.Priority;
import io.supportkit.storage.TenantId;
import io.supportkit.storage.TranscriptPage;

import java.util.List;
import java.util.Optional;

/**
 * The conversation lifecycle: customer messages in, agents joining, replying, noting, transferring and
 * resolving. Obtained from {@link SupportEngine#conversations()}.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>A customer has one conversation that is not closed, whatever channel they write from (R2).</li>
 *   <li>A move the state machine does not allow throws {@link io.supportkit.IllegalTransitionException} and
 *       changes nothing; an unknown id throws {@link io.supportkit.NotFoundException}; bad arguments
 *       {@link io.supportkit.InvalidInputException}.</li>
 *   <li>Each successful call stores first, then delivers public messages to the
 *       {@link io.supportkit.core.spi.OutboundSink}, then publishes events.</li>
 * </ul>
 *
 * <h2>Thread-safety</h2>
 * Safe to call from any number of threads. Calls that touch the same customer's conversations are
 * serialised on a per-customer lock; others run in parallel. Across several engine instances sharing one
 * store, the store's optimistic versioning detects races and the engine retries.
 */
public interface Conversations {

    /**
     * Takes a customer's message: finds or creates the customer, continues their open conversation (or opens
     * one, or reopens a recently resolved one), stores the message and, for a new or reopened conversation,
     * sends the acknowledgement.
     */
    ReceiveResult receive(InboundMessage message);

    Conversation get(TenantId tenant, ConversationId id);

    /** The customer's conversation that is not closed, if any. */
    Optional<Conversation> findActive(TenantId tenant, CustomerId customer);

    /** Every conversation of the customer, oldest first: their whole history across channels. */
    List<Conversation> history(TenantId tenant, CustomerId customer);

    /** One page of a transcript, internal notes included (this is the agents' view). */
    TranscriptPage transcript(TenantId tenant, ConversationId id, long afterSequence, int limit);

    /** An agent takes over an open or pending conversation that nobody holds. */
    Conversation join(TenantId tenant, ConversationId id, AgentId agent);

    /**
     * A public reply from the agent who holds the conversation; an agent replying to a conversation nobody
     * holds joins it first. Allowed while it is open or pending.
     */
    Message reply(TenantId tenant, ConversationId id, AgentMessage reply);

    /** An internal note for agents only; never delivered. Allowed until the conversation is closed. */
    Message note(TenantId tenant, ConversationId id, AgentMessage note);

    /** Hands the conversation from its current agent to another, history and notes included (R4). */
    Conversation transfer(TenantId tenant, ConversationId id, AgentId to, String reason);

    /** Marks an open conversation as waiting on the customer (PENDING). */
    Conversation awaitCustomer(TenantId tenant, ConversationId id, AgentId by);

    /** Resolves an open or pending conversation and releases its agent. */
    Conversation resolve(TenantId tenant, ConversationId id, AgentId by);

    /** Reopens a resolved conversation on an agent's initiative. */
    Conversation reopen(TenantId tenant, ConversationId id, AgentId by);

    /** Closes a conversation for good; the customer's next message starts a new one. */
    Conversation close(TenantId tenant, ConversationId id);

    /** Sets the priority of a conversation that is not closed; routing and SLA targets follow it. */
    Conversation prioritize(TenantId tenant, ConversationId id, Priority priority, AgentId by);

    /** Where the conversation's SLA clocks stand; empty when no SLA policies are configured or it is closed. */
    Optional<SlaSnapshot> sla(TenantId tenant, ConversationId id);
}
