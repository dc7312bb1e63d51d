package io.supportkit.core.internal;

import io.supportkit.ConflictException;
import io.supportkit.NotFoundException;
import io.supportkit.core.CustomerExport;
import io.supportkit.core.Customers;
import io.supportkit.core.event.CustomerErased;
import io.supportkit.internal.Require;
import io.supportkit.storage.Conversation;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.Customer;
import io.supportkit.storage.CustomerId;
import io.supportkit.storage.ErasureReport;
import io.supportkit.storage.ExternalId;
import io.supportkit.storage.Message;
import io.supportkit.storage.TenantId;
import io.supportkit.storage.TranscriptPage;
import io.supportkit.storage.spi.SupportStore;
import io.supportkit.storage.spi.TranscriptStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/** Customers: recognition across channels, export and erasure. */
public final class CustomerDirectory implements Customers {
    private static final int IDENTIFY_ATTEMPTS = 3;

    private final EngineSettings settings;
    private final SupportStore store;
    private final EventPublisher events;
    final CustomerLocks locks = new CustomerLocks(256);

    public CustomerDirectory(EngineSettings settings, EventPublisher events) {
        this.settings = settings;
        this.store = settings.store();
        this.events = events;
    }

    @Override
    public Customer identify(TenantId tenant, ExternalId address) {
        Require.nonNull(tenant, "tenant");
        Require.nonNull(address, "address");
        for (int attempt = 1; ; attempt++) {
            Optional<Customer> known = store.customers().findByExternalId(tenant, address);
            if (known.isPresent()) {
                return known.get();
            }
            try {
                return store.customers().insert(Customer.create(tenant,
                        CustomerId.of("cus_" + settings.idGenerator().next()), address, settings.clock().instant()));
            } catch (ConflictException raced) {
                // Another thread or node created this customer first: take theirs.
                if (attempt == IDENTIFY_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /** The customer a message from {@code address} belongs to, linking it first when the host named them. */
    Customer resolve(TenantId tenant, ExternalId address, Optional<CustomerId> known) {
        if (known.isEmpty()) {
            return identify(tenant, address);
        }
        return link(tenant, known.get(), address);
    }

    @Override
    public Optional<Customer> find(TenantId tenant, CustomerId id) {
        return store.customers().find(tenant, id);
    }

    @Override
    public Customer link(TenantId tenant, CustomerId id, ExternalId address) {
        Require.nonNull(tenant, "tenant");
        Require.nonNull(id, "customerId");
        Require.nonNull(address, "address");
        return store.customers().addExternalId(tenant, id, address);
    }

    @Override
    public CustomerExport export(TenantId tenant, CustomerId id) {
        Require.nonNull(tenant, "tenant");
        Require.nonNull(id, "customerId");
        ReentrantLock lock = locks.of(tenant, id);
        lock.lock();
        try {
            Customer customer = store.customers().find(tenant, id)
                    .orElseThrow(() -> new NotFoundException("customer " + id + " does not exist in tenant " + tenant));
            List<CustomerExport.ConversationTranscript> conversations = new ArrayList<>();
            for (Conversation c : store.conversations().listByCustomer(tenant, id)) {
                conversations.add(new CustomerExport.ConversationTranscript(c, readAll(tenant, c)));
            }
            return new CustomerExport(customer, conversations);
        } finally {
            lock.unlock();
        }
    }

    private List<Message> readAll(TenantId tenant, Conversation c) {
        List<Message> all = new ArrayList<>();
        long after = 0;
        TranscriptPage page;
        do {
            page = store.transcripts().read(tenant, c.id(), after, TranscriptStore.MAX_PAGE_SIZE);
            all.addAll(page.messages());
            after = page.nextAfter();
        } while (page.hasMore());
        return all;
    }

    @Override
    public ErasureReport erase(TenantId tenant, CustomerId id) {
        Require.nonNull(tenant, "tenant");
        Require.nonNull(id, "customerId");
        ReentrantLock lock = locks.of(tenant, id);
        lock.lock();
        ErasureReport report;
        List<ConversationId> erased;
        try {
            erased = store.conversations().listByCustomer(tenant, id).stream().map(Conversation::id).toList();
            report = store.eraseCustomer(tenant, id);
        } finally {
            lock.unlock();
        }
        events.publish(List.of(new CustomerErased(tenant, id, erased, report, settings.clock().instant())));
        return report;
    }
}
