package io.supportkit.storage.memory;

import io.supportkit.ConflictException;
import io.supportkit.InvalidInputException;
import io.supportkit.NotFoundException;
import io.supportkit.internal.Require;
import io.supportkit.storage.AppendResult;
import io.supportkit.storage.Conversation;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.ConversationStatus;
import io.supportkit.storage.Customer;
import io.supportkit.storage.CustomerId;
import io.supportkit.storage.ErasureReport;
import io.supportkit.storage.ExternalId;
import io.supportkit.storage.Message;
import io.supportkit.storage.MessageId;
import io.supportkit.storage.NewMessage;
import io.supportkit.storage.TenantId;
import io.supportkit.storage.TranscriptPage;
import io.supportkit.storage.spi.ConversationStore;
import io.supportkit.storage.spi.CustomerStore;
import io.supportkit.storage.spi.SupportStore;
import io.supportkit.storage.spi.TranscriptStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference {@link SupportStore}: everything in the heap, nothing survives a restart. Good for tests,
 * examples and single-node hosts that keep transcripts elsewhere.
 *
 * <h2>Concurrency</h2>
 * Reads never lock. Writes to customers and conversations take one store-wide lock (they are rare and must
 * check uniqueness across records); appends lock only their own conversation's transcript, so appends to
 * different conversations run in parallel and appends to one conversation are serialised, which is what
 * makes sequences gapless and the client-message-id check atomic.
 *
 * <pre>{@code SupportEngine engine = SupportEngine.builder().store(new InMemorySupportStore()).build();}</pre>
 */
public final class InMemorySupportStore implements SupportStore {

    private record Key<I>(TenantId tenant, I id) {
    }

    /** One conversation's messages; its monitor serialises appends to it. */
    private static final class Transcript {
        final List<Message> messages = new ArrayList<>();
        final Map<String, Message> byClientId = new HashMap<>();
        boolean erased;
    }

    private final Object writeLock = new Object();
    private final Map<Key<CustomerId>, Customer> customers = new ConcurrentHashMap<>();
    private final Map<Key<ExternalId>, CustomerId> customerByExternalId = new ConcurrentHashMap<>();
    private final Map<Key<ConversationId>, Conversation> conversations = new ConcurrentHashMap<>();
    private final Map<Key<CustomerId>, ConversationId> activeByCustomer = new ConcurrentHashMap<>();
    private final Map<Key<ConversationId>, Transcript> transcripts = new ConcurrentHashMap<>();
    private final Map<Key<MessageId>, Boolean> messageIds = new ConcurrentHashMap<>();

    private final CustomerStore customerStore = new Customers();
    private final ConversationStore conversationStore = new Conversations();
    private final TranscriptStore transcriptStore = new Transcripts();

    @Override
    public CustomerStore customers() {
        return customerStore;
    }

    @Override
    public ConversationStore conversations() {
        return conversationStore;
    }

    @Override
    public TranscriptStore transcripts() {
        return transcriptStore;
    }

    @Override
    public ErasureReport eraseCustomer(TenantId tenant, CustomerId customer) {
        Require.nonNull(tenant, "tenant");
        Require.nonNull(customer, "customerId");
        synchronized (writeLock) {
            Customer removed = customers.remove(new Key<>(tenant, customer));
            if (removed == null) {
                return new ErasureReport(0, 0, 0);
            }
            removed.externalIds().forEach(e -> customerByExternalId.remove(new Key<>(tenant, e)));
            activeByCustomer.remove(new Key<>(tenant, customer));
            int conversationCount = 0;
            long messageCount = 0;
            for (Conversation c : List.copyOf(conversations.values())) {
                if (!c.tenant().equals(tenant) || !c.customer().equals(customer)) {
                    continue;
                }
                Key<ConversationId> key = new Key<>(tenant, c.id());
                conversations.remove(key);
                conversationCount++;
                Transcript t = transcripts.remove(key);
                if (t != null) {
                    synchronized (t) {
                        t.erased = true;
                        for (Message m : t.messages) {
                            messageIds.remove(new Key<>(tenant, m.id()));
                        }
                        messageCount += t.messages.size();
                        t.messages.clear();
                        t.byClientId.clear();
                    }
                }
            }
            return new ErasureReport(1, conversationCount, messageCount);
        }
    }

    private final class Customers implements CustomerStore {
        @Override
        public Customer insert(Customer customer) {
            Require.nonNull(customer, "customer");
            synchronized (writeLock) {
                Key<CustomerId> key = new Key<>(customer.tenant(), customer.id());
                if (customers.containsKey(key)) {
                    throw new ConflictException("customer " + customer.id() + " already exists in tenant "
                            + customer.tenant());
                }
                for (ExternalId e : customer.externalIds()) {
                    CustomerId owner = customerByExternalId.get(new Key<>(customer.tenant(), e));
                    if (owner != null) {
                        throw new ConflictException("external id " + e + " already belongs to customer " + owner);
                    }
                }
                customers.put(key, customer);
                customer.externalIds().forEach(e -> customerByExternalId.put(new Key<>(customer.tenant(), e),
                        customer.id()));
                return customer;
            }
        }

        @Override
        public Optional<Customer> find(TenantId tenant, CustomerId id) {
            Require.nonNull(tenant, "tenant");
            Require.nonNull(id, "customerId");
            return Optional.ofNullable(customers.get(new Key<>(tenant, id)));
        }

        @Override
        public Optional<Customer> findByExternalId(TenantId tenant, ExternalId externalId) {
            Require.nonNull(tenant, "tenant");
            Require.nonNull(externalId, "externalId");
            CustomerId id = customerByExternalId.get(new Key<>(tenant, externalId));
            return id == null ? Optional.empty() : find(tenant, id);
        }

        @Override
        public Customer addExternalId(TenantId tenant, CustomerId id, ExternalId externalId) {
            Require.nonNull(tenant, "tenant");
            Require.nonNull(id, "customerId");
            Require.nonNull(externalId, "externalId");
            synchronized (writeLock) {
                Key<CustomerId> key = new Key<>(tenant, id);
                Customer current = customers.get(key);
                if (current == null) {
                    throw new NotFoundException("customer " + id + " does not exist in tenant " + tenant);
                }
                CustomerId owner = customerByExternalId.get(new Key<>(tenant, externalId));
                if (owner != null && !owner.equals(id)) {
                    throw new ConflictException("external id " + externalId + " already belongs to customer " + owner);
                }
                if (owner != null) {
                    return current;
                }
                Customer updated = current.withExternalId(externalId);
                customers.put(key, updated);
                customerByExternalId.put(new Key<>(tenant, externalId), id);
                return updated;
            }
        }
    }

    private final class Conversations implements ConversationStore {
        @Override
        public Conversation insert(Conversation conversation) {
            Require.nonNull(conversation, "conversation");
            if (conversation.version() != 1) {
                throw new InvalidInputException("a new conversation must be at version 1, was "
                        + conversation.version());
            }
            TenantId tenant = conversation.tenant();
            synchronized (writeLock) {
                if (!customers.containsKey(new Key<>(tenant, conversation.customer()))) {
                    throw new NotFoundException("customer " + conversation.customer() + " does not exist in tenant "
                            + tenant);
                }
                Key<ConversationId> key = new Key<>(tenant, conversation.id());
                if (conversations.containsKey(key)) {
                    throw new ConflictException("conversation " + conversation.id() + " already exists in tenant "
                            + tenant);
                }
                Key<CustomerId> customerKey = new Key<>(tenant, conversation.customer());
                boolean active = conversation.status() != ConversationStatus.CLOSED;
                if (active && activeByCustomer.containsKey(customerKey)) {
                    throw new ConflictException("customer " + conversation.customer()
                            + " already has a conversation that is not closed: " + activeByCustomer.get(customerKey));
                }
                conversations.put(key, conversation);
                transcripts.put(key, new Transcript());
                if (active) {
                    activeByCustomer.put(customerKey, conversation.id());
                }
                return conversation;
            }
        }

        @Override
        public Optional<Conversation> find(TenantId tenant, ConversationId id) {
            Require.nonNull(tenant, "tenant");
            Require.nonNull(id, "conversationId");
            return Optional.ofNullable(conversations.get(new Key<>(tenant, id)));
        }

        @Override
        public Optional<Conversation> findActive(TenantId tenant, CustomerId customer) {
            Require.nonNull(tenant, "tenant");
            Require.nonNull(customer, "customerId");
            ConversationId id = activeByCustomer.get(new Key<>(tenant, customer));
            return id == null ? Optional.empty() : find(tenant, id);
        }

        @Override
        public List<Conversation> listByCustomer(TenantId tenant, CustomerId customer) {
            Require.nonNull(tenant, "tenant");
            Require.nonNull(customer, "customerId");
            return conversations.values().stream()
                    .filter(c -> c.tenant().equals(tenant) && c.customer().equals(customer))
                    .sorted(Comparator.comparing(Conversation::createdAt).thenComparing(Conversation::id))
                    .toList();
        }

        @Override
        public Conversation update(Conversation conversation) {
            Require.nonNull(conversation, "conversation");
            TenantId tenant = conversation.tenant();
            synchronized (writeLock) {
                Key<ConversationId> key = new Key<>(tenant, conversation.id());
                Conversation stored = conversations.get(key);
                if (stored == null) {
                    throw new NotFoundException("conversation " + conversation.id() + " does not exist in tenant "
                            + tenant);
                }
                if (stored.version() != conversation.version()) {
                    throw new ConflictException("conversation " + conversation.id() + " is at version "
                            + stored.version() + ", the update expected " + conversation.version());
                }
                if (!stored.customer().equals(conversation.customer())
                        || !stored.createdAt().equals(conversation.createdAt())) {
                    throw new InvalidInputException("an update must not change the customer or creation time of "
                            + conversation.id());
                }
                if (stored.status() == ConversationStatus.CLOSED
                        && conversation.status() != ConversationStatus.CLOSED) {
                    throw new InvalidInputException("conversation " + conversation.id()
                            + " is closed and cannot become " + conversation.status());
                }
                Conversation next = conversation.nextVersion();
                conversations.put(key, next);
                if (next.status() == ConversationStatus.CLOSED) {
                    activeByCustomer.remove(new Key<>(tenant, next.customer()), next.id());
                }
                return next;
            }
        }
    }

    private final class Transcripts implements TranscriptStore {
        @Override
        public AppendResult append(NewMessage message) {
            Require.nonNull(message, "message");
            Key<ConversationId> key = new Key<>(message.tenant(), message.conversation());
            Transcript t = transcripts.get(key);
            if (t == null) {
                throw missing(message.tenant(), message.conversation());
            }
            synchronized (t) {
                if (t.erased) {
                    throw missing(message.tenant(), message.conversation());
                }
                if (message.clientMessageId().isPresent()) {
                    Message earlier = t.byClientId.get(message.clientMessageId().get());
                    if (earlier != null) {
                        return new AppendResult(earlier, true);
                    }
                }
                if (messageIds.putIfAbsent(new Key<>(message.tenant(), message.id()), Boolean.TRUE) != null) {
                    throw new ConflictException("message id " + message.id() + " is already used in tenant "
                            + message.tenant());
                }
                Message stored = message.at(t.messages.size() + 1L);
                t.messages.add(stored);
                message.clientMessageId().ifPresent(c -> t.byClientId.put(c, stored));
                return new AppendResult(stored, false);
            }
        }

        @Override
        public TranscriptPage read(TenantId tenant, ConversationId conversation, long afterSequence, int limit) {
            Require.nonNull(tenant, "tenant");
            Require.nonNull(conversation, "conversationId");
            Require.nonNegative(afterSequence, "afterSequence");
            Require.between(limit, 1, MAX_PAGE_SIZE, "limit");
            Transcript t = transcript(tenant, conversation);
            synchronized (t) {
                int size = t.messages.size();
                int from = (int) Math.min(afterSequence, size);
                int to = (int) Math.min((long) from + limit, size);
                List<Message> page = List.copyOf(t.messages.subList(from, to));
                long nextAfter = page.isEmpty() ? afterSequence : page.get(page.size() - 1).sequence();
                return new TranscriptPage(page, nextAfter, to < size);
            }
        }

        @Override
        public Optional<Message> findByClientMessageId(TenantId tenant, ConversationId conversation,
                                                       String clientMessageId) {
            Require.id(clientMessageId, "clientMessageId");
            Transcript t = transcript(tenant, conversation);
            synchronized (t) {
                return Optional.ofNullable(t.byClientId.get(clientMessageId));
            }
        }

        @Override
        public long count(TenantId tenant, ConversationId conversation) {
            Transcript t = transcript(tenant, conversation);
            synchronized (t) {
                return t.messages.size();
            }
        }

        private Transcript transcript(TenantId tenant, ConversationId conversation) {
            Require.nonNull(tenant, "tenant");
            Require.nonNull(conversation, "conversationId");
            Transcript t = transcripts.get(new Key<>(tenant, conversation));
            if (t == null) {
                throw missing(tenant, conversation);
            }
            return t;
        }

        private NotFoundException missing(TenantId tenant, ConversationId conversation) {
            return new NotFoundException("conversation " + conversation + " does not exist in tenant " + tenant);
        }
    }
}
