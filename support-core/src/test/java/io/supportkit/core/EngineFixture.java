package io.supportkit.core;

import io.supportkit.core.event.SupportEvent;
import io.supportkit.core.spi.IdGenerator;
import io.supportkit.core.spi.OutboundMessage;
import io.supportkit.storage.Channel;
import io.supportkit.storage.ExternalId;
import io.supportkit.storage.Message;
import io.supportkit.storage.TenantId;
import io.supportkit.storage.TranscriptPage;
import io.supportkit.storage.memory.InMemorySupportStore;
import io.supportkit.time.VirtualClock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An engine on a virtual clock and an in-memory store, recording what it delivers and publishes. */
final class EngineFixture {
    final TenantId tenant = TenantId.of("acme");
    final VirtualClock clock = VirtualClock.at(Instant.parse("2026-08-05T09:00:00Z"));
    final InMemorySupportStore store = new InMemorySupportStore();
    final List<OutboundMessage> delivered = new CopyOnWriteArrayList<>();
    final List<SupportEvent> events = new CopyOnWriteArrayList<>();
    final SupportEngine engine;

    EngineFixture() {
        this(SupportEngine.builder());
    }

    EngineFixture(SupportEngine.Builder builder) {
        engine = builder.clock(clock).store(store).idGenerator(IdGenerator.sequential())
                .outbound(delivered::add).listener(events::add).build();
    }

    static ExternalId web(String visitor) {
        return new ExternalId(Channel.WEB, visitor);
    }

    ReceiveResult say(ExternalId from, String text) {
        return engine.conversations().receive(InboundMessage.of(tenant, from, text));
    }

    List<Message> transcript(io.supportkit.storage.ConversationId id) {
        List<Message> all = new ArrayList<>();
        long after = 0;
        TranscriptPage page;
        do {
            page = engine.conversations().transcript(tenant, id, after, 100);
            all.addAll(page.messages());
            after = page.nextAfter();
        } while (page.hasMore());
        return all;
    }

    @SuppressWarnings("unchecked")
    <E extends SupportEvent> List<E> eventsOf(Class<E> type) {
        return (List<E>) events.stream().filter(type::isInstance).toList();
    }
}
