package io.supportkit.core.internal;

import io.supportkit.ConflictException;
import io.supportkit.SupportException;
import io.supportkit.IllegalTransitionException;
import io.supportkit.InvalidInputException;
import io.supportkit.NotFoundException;
import io.supportkit.core.AgentMessage;
import io.supportkit.core.Conversations;
import io.supportkit.core.InboundMessage;
import io.supportkit.core.ReceiveResult;
import io.supportkit.core.event.AgentJoined;
import io.supportkit.core.event.AgentReplied;
import io.supportkit.core.event.AutoReplySent;
import io.supportkit.core.event.AwaitingCustomer;
import io.supportkit.core.event.ConversationClosed;
import io.supportkit.core.event.ConversationReopened;
import io.supportkit.core.event.ConversationResolved;
import io.supportkit.core.event.ConversationStarted;
import io.supportkit.core.event.ConversationTransferred;
import io.supportkit.core.event.DeliveryFailed;
import io.supportkit.core.event.MessageReceived;
import io.supportkit.core.event.NoteAdded;
import io.supportkit.core.event.PriorityChanged;
import io.supportkit.core.event.ReturnedToQueue;
import io.supportkit.core.sla.SlaSnapshot;
import io.supportkit.nlp.TextAnalysis;
import io.supportkit.core.event.SupportEvent;
import io.supportkit.core.spi.OutboundMessage;
import io.supportkit.internal.Require;
import io.supportkit.storage.AgentId;
import io.supportkit.storage.AppendResult;
import io.supportkit.storage.Assignment;
import io.supportkit.storage.AuthorKind;
import io.supportkit.storage.Conversation;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.ConversationStatus;
import io.supportkit.storage.Customer;
import io.supportkit.storage.CustomerId;
import io.supportkit.storage.ExternalId;
import io.supportkit.storage.Message;
import io.supportkit.storage.MessageId;
import io.supportkit.storage.NewMessage;
import io.supportkit.storage.Priority;
import io.supportkit.storage.TenantId;
import io.supportkit.storage.TranscriptPage;
import io.supportkit.storage.Visibility;
import io.supportkit.storage.spi.SupportStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The conversation state machine. Every change runs under its customer's lock as one step: read, check the
 * move, store, deliver, publish. A step that finds the move impossible throws before it stores anything.
 */
public final class ConversationLifecycle implements Conversations {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationLifecycle.class);
    /** Optimistic-version conflicts only come from other engine instances; a few retries settle them. */
    private static final int ATTEMPTS = 3;
    private static final int MAX_REASON_LENGTH = 500;
    private static final String SYSTEM_AUTHOR = "system";

    private final EngineSettings settings;
    private final SupportStore store;
    private final EventPublisher publisher;
    private final CustomerDirectory customers;
    private final MessageInsight insight;
    private SlaBridge sla;
    /** How many customer locks this thread holds (an int[] to avoid boxing on every call). */
    private final ThreadLocal<int[]> lockDepth = ThreadLocal.withInitial(() -> new int[1]);
    private final ThreadLocal<ArrayDeque<Runnable>> deferred = ThreadLocal.withInitial(ArrayDeque::new);

    public ConversationLifecycle(EngineSettings settings, EventPublisher publisher, CustomerDirectory customers,
                                 MessageInsight insight) {
        this.settings = settings;
        this.store = settings.store();
        this.publisher = publisher;
        this.customers = customers;
        this.insight = insight;
    }

    /** Connects the SLA clocks; called once while the engine is being built, before any traffic. */
    public void attach(SlaBridge bridge) {
        this.sla = bridge;
    }

    // ---- customer side ----------------------------------------------------------------------------------

    @Override
    public ReceiveResult receive(InboundMessage in) {
        Require.nonNull(in, "message");
        checkContent(in.text(), in.attachments().isEmpty());
        // analysis is pure and may take microseconds: do it before taking any lock
        Optional<TextAnalysis> analysis = insight.analyze(in.text());
        String storable = insight.storable(in.text(), analysis);
        Customer customer = customers.resolve(in.tenant(), in.sender(), in.knownCustomer());
        return locked(in.tenant(), customer.id(), events -> receiveLocked(in, storable, analysis, customer, events));
    }

    private ReceiveResult receiveLocked(InboundMessage in, String storable, Optional<TextAnalysis> analysis,
                                        Customer customer, List<SupportEvent> events) {
        TenantId tenant = in.tenant();
        Instant now = settings.clock().instant();
        Optional<Conversation> active = store.conversations().findActive(tenant, customer.id());
        if (active.isPresent() && in.clientMessageId().isPresent()) {
            Optional<Message> earlier = store.transcripts()
                    .findByClientMessageId(tenant, active.get().id(), in.clientMessageId().get());
            if (earlier.isPresent()) {
                return new ReceiveResult(active.get(), earlier.get(), false, false, true, Optional.empty());
            }
        }

        boolean started = false;
        boolean reopened = false;
        Conversation c;
        if (active.isEmpty()) {
            c = start(tenant, customer, in.sender(), now);
            started = true;
        } else {
            Conversation a = active.get();
            switch (a.status()) {
                case RESOLVED -> {
                    boolean recent = a.resolvedAt().map(r -> !now.isAfter(r.plus(settings.reopenWindow())))
                            .orElse(true);
                    if (recent) {
                        c = store.conversations().update(a.reopened(now).touchedBy(in.sender(), now));
                        reopened = true;
                    } else {
                        Conversation closed = store.conversations().update(a.withStatus(ConversationStatus.CLOSED, now));
                        events.add(new ConversationClosed(closed, now));
                        c = start(tenant, customer, in.sender(), now);
                        started = true;
                    }
                }
                case PENDING -> c = store.conversations()
                        .update(a.withStatus(ConversationStatus.OPEN, now).touchedBy(in.sender(), now));
                default -> c = a.replyTo().equals(in.sender()) ? a
                        : store.conversations().update(a.touchedBy(in.sender(), now));
            }
        }
        Conversation understood = insight.apply(c, analysis, now);
        Conversation before = c;
        if (!understood.equals(c)) {
            c = store.conversations().update(understood);
        }
        if (started) {
            events.add(new ConversationStarted(c, now));
        }
        if (reopened) {
            events.add(new ConversationReopened(c, Optional.empty(), now));
        }
        Message received = append(c, in.clientMessageId(), AuthorKind.CUSTOMER, customer.id().value(),
                Visibility.PUBLIC, storable, in.attachments(), now).message();
        events.add(new MessageReceived(c, received, analysis, now));
        insight.explain(before, c, analysis, events, now);

        Optional<Message> ack = Optional.empty();
        if ((started || reopened) && settings.acknowledgement().isPresent()) {
            Message m = append(c, Optional.empty(), AuthorKind.BOT, settings.botName(), Visibility.PUBLIC,
                    settings.acknowledgement().get(), List.of(), now).message();
            deliver(c, m, events, now);
            events.add(new AutoReplySent(c, m, now));
            ack = Optional.of(m);
        }
        return new ReceiveResult(c, received, started, reopened, false, ack);
    }

    private Conversation start(TenantId tenant, Customer customer, ExternalId via, Instant now) {
        return store.conversations().insert(Conversation.open(tenant,
                ConversationId.of("conv_" + settings.idGenerator().next()), customer.id(), via.channel(), via, now));
    }

    // ---- reads -----------------------------------------------------------------------------------------

    @Override
    public Conversation get(TenantId tenant, ConversationId id) {
        Require.nonNull(tenant, "tenant");
        Require.nonNull(id, "conversationId");
        return store.conversations().find(tenant, id).orElseThrow(
                () -> new NotFoundException("conversation " + id + " does not exist in tenant " + tenant));
    }

    @Override
    public Optional<Conversation> findActive(TenantId tenant, CustomerId customer) {
        return store.conversations().findActive(tenant, customer);
    }

    @Override
    public List<Conversation> history(TenantId tenant, CustomerId customer) {
        return store.conversations().listByCustomer(tenant, customer);
    }

    @Override
    public TranscriptPage transcript(TenantId tenant, ConversationId id, long afterSequence, int limit) {
        return store.transcripts().read(tenant, id, afterSequence, limit);
    }

    // ---- agent side ------------------------------------------------------------------------------------

    @Override
    public Conversation join(TenantId tenant, ConversationId id, AgentId agent) {
        Require.nonNull(agent, "agent");
        return change(tenant, id, (c, events, now) -> {
            requireActive(c, "join");
            if (c.assignee().isPresent()) {
                throw c.assignee().get().equals(agent)
                        ? new IllegalTransitionException("agent " + agent + " already holds conversation " + c.id())
                        : new IllegalTransitionException("conversation " + c.id() + " is held by " + c.assignee().get()
                        + "; transfer it to " + agent + " instead");
            }
            return joinLocked(c, agent, events, now);
        });
    }

    private Conversation joinLocked(Conversation c, AgentId agent, List<SupportEvent> events, Instant now) {
        Conversation joined = store.conversations().update(c.assignedTo(agent, Assignment.How.JOINED, now));
        record(joined, agent + " joined", now);
        events.add(new AgentJoined(joined, agent, now));
        return joined;
    }

    @Override
    public Message reply(TenantId tenant, ConversationId id, AgentMessage reply) {
        Require.nonNull(reply, "reply");
        checkContent(reply.text(), reply.attachments().isEmpty());
        return change(tenant, id, (c, events, now) -> {
            if (reply.clientMessageId().isPresent()) {
                Optional<Message> earlier = store.transcripts()
                        .findByClientMessageId(tenant, id, reply.clientMessageId().get());
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            requireActive(c, "reply to");
            Conversation held = c;
            if (c.assignee().isEmpty()) {
                held = joinLocked(c, reply.agent(), events, now);
            } else if (!c.assignee().get().equals(reply.agent())) {
                throw new IllegalTransitionException("conversation " + c.id() + " is held by " + c.assignee().get()
                        + ", not " + reply.agent() + "; it must be transferred before " + reply.agent() + " replies");
            }
            Message m = append(held, reply.clientMessageId(), AuthorKind.AGENT, reply.agent().value(),
                    Visibility.PUBLIC, insight.storable(reply.text(), Optional.empty()), reply.attachments(), now)
                    .message();
            deliver(held, m, events, now);
            events.add(new AgentReplied(held, m, now));
            return m;
        });
    }

    @Override
    public Message note(TenantId tenant, ConversationId id, AgentMessage note) {
        Require.nonNull(note, "note");
        checkContent(note.text(), note.attachments().isEmpty());
        return change(tenant, id, (c, events, now) -> {
            if (c.status() == ConversationStatus.CLOSED) {
                throw new IllegalTransitionException("cannot add a note to conversation " + c.id() + ": it is CLOSED");
            }
            AppendResult r = append(c, note.clientMessageId(), AuthorKind.AGENT, note.agent().value(),
                    Visibility.INTERNAL, insight.storable(note.text(), Optional.empty()), note.attachments(), now);
            if (!r.duplicate()) {
                events.add(new NoteAdded(c, r.message(), now));
            }
            return r.message();
        });
    }

    @Override
    public Conversation transfer(TenantId tenant, ConversationId id, AgentId to, String reason) {
        Require.nonNull(to, "to");
        Require.text(reason, "reason", MAX_REASON_LENGTH);
        if (reason.isBlank()) {
            throw new InvalidInputException("reason must not be blank: every transfer is counted and explained");
        }
        return change(tenant, id, (c, events, now) -> {
            requireActive(c, "transfer");
            AgentId from = c.assignee().orElseThrow(() -> new IllegalTransitionException("conversation " + c.id()
                    + " has no agent to transfer from; join it instead"));
            if (from.equals(to)) {
                throw new IllegalTransitionException("conversation " + c.id() + " is already held by " + to);
            }
            Conversation moved = store.conversations().update(c.assignedTo(to, Assignment.How.TRANSFERRED, now));
            record(moved, "transferred from " + from + " to " + to + ": " + reason, now);
            events.add(new ConversationTransferred(moved, from, to, reason, now));
            return moved;
        });
    }

    @Override
    public Conversation awaitCustomer(TenantId tenant, ConversationId id, AgentId by) {
        Require.nonNull(by, "by");
        return change(tenant, id, (c, events, now) -> {
            if (c.status() != ConversationStatus.OPEN) {
                throw new IllegalTransitionException("only an OPEN conversation can wait on the customer; "
                        + c.id() + " is " + c.status());
            }
            Conversation pending = store.conversations().update(c.withStatus(ConversationStatus.PENDING, now));
            record(pending, "waiting on the customer (" + by + ")", now);
            events.add(new AwaitingCustomer(pending, by, now));
            return pending;
        });
    }

    @Override
    public Conversation resolve(TenantId tenant, ConversationId id, AgentId by) {
        Require.nonNull(by, "by");
        return change(tenant, id, (c, events, now) -> {
            requireActive(c, "resolve");
            Conversation resolved = store.conversations()
                    .update(c.withStatus(ConversationStatus.RESOLVED, now).unassigned(now));
            record(resolved, "resolved by " + by, now);
            events.add(new ConversationResolved(resolved, by, now));
            return resolved;
        });
    }

    @Override
    public Conversation reopen(TenantId tenant, ConversationId id, AgentId by) {
        Require.nonNull(by, "by");
        return change(tenant, id, (c, events, now) -> {
            if (c.status() != ConversationStatus.RESOLVED) {
                throw new IllegalTransitionException("only a RESOLVED conversation can be reopened; " + c.id()
                        + " is " + c.status());
            }
            Conversation reopened = store.conversations().update(c.reopened(now));
            record(reopened, "reopened by " + by, now);
            events.add(new ConversationReopened(reopened, Optional.of(by), now));
            return reopened;
        });
    }

    @Override
    public Conversation close(TenantId tenant, ConversationId id) {
        return change(tenant, id, (c, events, now) -> {
            if (c.status() == ConversationStatus.CLOSED) {
                throw new IllegalTransitionException("conversation " + c.id() + " is already CLOSED");
            }
            Conversation closed = store.conversations()
                    .update(c.withStatus(ConversationStatus.CLOSED, now).unassigned(now));
            record(closed, "closed", now);
            events.add(new ConversationClosed(closed, now));
            return closed;
        });
    }

    @Override
    public Conversation prioritize(TenantId tenant, ConversationId id, Priority priority, AgentId by) {
        Require.nonNull(priority, "priority");
        Require.nonNull(by, "by");
        return changePriority(tenant, id, priority, "set by " + by);
    }

    /** Raises or lowers the priority; a no-op when it already has that priority. */
    Conversation changePriority(TenantId tenant, ConversationId id, Priority priority, String reason) {
        return change(tenant, id, (c, events, now) -> {
            if (c.status() == ConversationStatus.CLOSED) {
                throw new IllegalTransitionException("cannot change the priority of conversation " + c.id()
                        + ": it is CLOSED");
            }
            if (c.priority() == priority) {
                return c;
            }
            Conversation changed = store.conversations().update(c.withPriority(priority, now));
            record(changed, "priority " + c.priority() + " -> " + priority + " (" + reason + ")", now);
            events.add(new PriorityChanged(changed, c.priority(), priority, reason, now));
            return changed;
        });
    }

    /**
     * Takes the conversation from {@code agent} when they still hold it, for reassign-on-no-reply; returns
     * whether it did.
     */
    boolean returnToQueue(TenantId tenant, ConversationId id, AgentId agent, java.time.Duration waited) {
        return change(tenant, id, (c, events, now) -> {
            if (!c.status().isActive() || !c.assignee().equals(Optional.of(agent))) {
                return false;
            }
            Conversation released = store.conversations().update(c.unassigned(now));
            record(released, "taken from " + agent + " after " + waited.toMinutes()
                    + " min without a reply; back in the queue", now);
            events.add(new ReturnedToQueue(released, agent, waited, now));
            return true;
        });
    }

    /**
     * The router gave the conversation to {@code agent}: they join it, unless it ended or someone else took it
     * meanwhile; returns whether {@code agent} holds it afterwards.
     */
    boolean assignFromRouting(TenantId tenant, ConversationId id, AgentId agent) {
        return change(tenant, id, (c, events, now) -> {
            if (!c.status().isActive()) {
                return false;
            }
            if (c.assignee().isPresent()) {
                return c.assignee().get().equals(agent);
            }
            joinLocked(c, agent, events, now);
            return true;
        });
    }

    @Override
    public Optional<SlaSnapshot> sla(TenantId tenant, ConversationId id) {
        Conversation c = get(tenant, id);
        return sla == null ? Optional.empty() : sla.snapshot(c);
    }

    /** Publishes events that do not come from a conversation step (SLA notices, escalations) in order. */
    void publish(List<? extends SupportEvent> events) {
        publisher.publish(events);
    }

    // ---- plumbing --------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Step<T> {
        T apply(Conversation current, List<SupportEvent> events, Instant now);
    }

    @FunctionalInterface
    private interface LockedWork<T> {
        T run(List<SupportEvent> events);
    }

    private <T> T change(TenantId tenant, ConversationId id, Step<T> step) {
        CustomerId owner = get(tenant, id).customer();
        return locked(tenant, owner, events -> step.apply(get(tenant, id), events, settings.clock().instant()));
    }

    /**
     * Runs {@code work} under the customer's lock, retrying when another engine instance won a race on the
     * store, and publishes the events of the attempt that succeeded (still under the lock, so listeners see a
     * conversation's events in order).
     */
    private <T> T locked(TenantId tenant, CustomerId customer, LockedWork<T> work) {
        ReentrantLock lock = customers.locks.of(tenant, customer);
        lock.lock();
        lockDepth.get()[0]++;
        try {
            for (int attempt = 1; ; attempt++) {
                List<SupportEvent> events = new ArrayList<>();
                try {
                    T result = work.run(events);
                    publisher.publish(events);
                    return result;
                } catch (ConflictException e) {
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                    LOG.debug("retrying after a concurrent change in tenant {}: {}", tenant, e.getMessage());
                }
            }
        } finally {
            lock.unlock();
            if (--lockDepth.get()[0] == 0) {
                runDeferred();
            }
        }
    }

    /**
     * Runs {@code action} now when this thread holds no customer lock, otherwise as soon as it releases the last
     * one. For work that may lock another customer (routing callbacks): taking a second customer's lock while
     * holding one could deadlock against a thread doing the opposite.
     */
    void outsideLocks(Runnable action) {
        if (lockDepth.get()[0] == 0) {
            runSafely(action);
        } else {
            deferred.get().add(action);
        }
    }

    private void runDeferred() {
        ArrayDeque<Runnable> queue = deferred.get();
        Runnable next;
        while ((next = queue.poll()) != null) {
            runSafely(next);
        }
    }

    private static void runSafely(Runnable action) {
        try {
            action.run();
        } catch (SupportException e) {
            LOG.warn("a deferred engine action failed: {}", e.getMessage(), e);
        }
    }

    private void checkContent(String text, boolean noAttachments) {
        if (text.length() > settings.maxMessageLength()) {
            throw new InvalidInputException("text must be at most " + settings.maxMessageLength()
                    + " characters, was " + text.length());
        }
        if (text.isBlank() && noAttachments) {
            throw new InvalidInputException("a message needs text or an attachment; text was blank");
        }
    }

    private static void requireActive(Conversation c, String action) {
        if (!c.status().isActive()) {
            throw new IllegalTransitionException("cannot " + action + " conversation " + c.id() + " in tenant "
                    + c.tenant() + ": it is " + c.status());
        }
    }

    private AppendResult append(Conversation c, Optional<String> clientMessageId, AuthorKind kind, String author,
                                Visibility visibility, String text, List<io.supportkit.storage.Attachment> attachments,
                                Instant now) {
        return store.transcripts().append(new NewMessage(c.tenant(), c.id(),
                MessageId.of("msg_" + settings.idGenerator().next()), clientMessageId, kind, author, visibility,
                c.channel(), text, attachments, now));
    }

    /** Writes a step into the transcript as an internal system record, so the transcript tells the whole story. */
    private void record(Conversation c, String what, Instant now) {
        append(c, Optional.empty(), AuthorKind.SYSTEM, SYSTEM_AUTHOR, Visibility.INTERNAL, what, List.of(), now);
    }

    private void deliver(Conversation c, Message m, List<SupportEvent> events, Instant now) {
        try {
            settings.outbound().deliver(new OutboundMessage(c.customer(), c.replyTo(), m));
        } catch (RuntimeException e) {
            LOG.warn("delivery of message {} in conversation {} failed; it stays in the transcript", m.id(), c.id(), e);
            events.add(new DeliveryFailed(c, m, String.valueOf(e), now));
        }
    }

}
