package io.supportkit.core;

import io.supportkit.ConfigurationException;
import io.supportkit.core.event.AgentReplied;
import io.supportkit.core.event.CustomerErased;
import io.supportkit.core.event.DeliveryFailed;
import io.supportkit.core.event.SupportEvent;
import io.supportkit.storage.AgentId;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.CustomerId;
import io.supportkit.storage.ErasureReport;
import io.supportkit.storage.Message;
import io.supportkit.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.supportkit.core.EngineFixture.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineRobustnessTest {
    private final AgentId ana = AgentId.of("ana");

    @Test
    void shouldKeepWorkingAndFeedOtherListenersWhenAListenerThrows() {
        List<SupportEvent> seenAfter = new CopyOnWriteArrayList<>();
        EngineFixture f = new EngineFixture(SupportEngine.builder()
                .listener(e -> {
                    throw new IllegalStateException("listener bug");
                })
                .listener(seenAfter::add));

        ReceiveResult r = f.say(web("v"), "hello");
        Message reply = f.engine.conversations().reply(f.tenant, r.conversation().id(), AgentMessage.of(ana, "hi!"));

        assertThat(reply.text()).isEqualTo("hi!");
        assertThat(f.transcript(r.conversation().id())).hasSize(4);
        assertThat(seenAfter).hasSameSizeAs(f.events).hasAtLeastOneElementOfType(AgentReplied.class);
    }

    @Test
    void shouldKeepTheMessageAndReportWhenDeliveryFails() {
        List<SupportEvent> events = new ArrayList<>();
        VirtualClock clock = VirtualClock.at(Instant.parse("2026-08-05T09:00:00Z"));
        SupportEngine engine = SupportEngine.builder().clock(clock)
                .outbound(out -> {
                    throw new IllegalStateException("socket closed");
                })
                .listener(events::add).build();

        ReceiveResult r = engine.conversations().receive(InboundMessage.of(io.supportkit.storage.TenantId.of("t"),
                web("v"), "hello"));
        Message reply = engine.conversations().reply(r.conversation().tenant(), r.conversation().id(),
                AgentMessage.of(ana, "are you there?"));

        assertThat(engine.conversations().transcript(r.conversation().tenant(), r.conversation().id(), 0, 10)
                .messages()).extracting(Message::text).contains("are you there?");
        assertThat(events).filteredOn(DeliveryFailed.class::isInstance).hasSize(2)
                .allSatisfy(e -> assertThat(((DeliveryFailed) e).error()).contains("socket closed"))
                .anySatisfy(e -> assertThat(((DeliveryFailed) e).message()).isEqualTo(reply));
    }

    @Test
    void shouldValidateConfigurationAtBuildAndNameTheBadValue() {
        assertThatThrownBy(() -> SupportEngine.builder().build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("outbound sink");
        assertThatThrownBy(() -> SupportEngine.builder().outbound(m -> { }).maxMessageLength(0).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("was 0");
        assertThatThrownBy(() -> SupportEngine.builder().outbound(m -> { }).reopenWindow(Duration.ofHours(-1)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("PT-1H");
        assertThatThrownBy(() -> SupportEngine.builder().outbound(m -> { }).botName(" ").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("botName");
        assertThatThrownBy(() -> SupportEngine.builder().outbound(m -> { }).acknowledgement("").build())
                .hasMessageContaining("acknowledgement")
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> SupportEngine.builder().listener(null))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void shouldDeriveAnEngineWithChangedSettingsAndLeaveTheFirstAlone() {
        EngineFixture f = new EngineFixture();
        SupportEngine quiet = f.engine.newBuilder().noAcknowledgement().build();

        ReceiveResult r = quiet.conversations().receive(InboundMessage.of(f.tenant, web("q"), "hi"));
        assertThat(r.autoReply()).isEmpty();
        assertThat(f.say(web("loud"), "hi").autoReply()).isPresent();
    }

    @Test
    void shouldExportEverythingAboutACustomerAndThenEraseItAll() {
        EngineFixture f = new EngineFixture();
        ReceiveResult r = f.say(web("gdpr"), "my address is Bağdat Caddesi 1");
        f.engine.conversations().note(f.tenant, r.conversation().id(), AgentMessage.of(ana, "VIP"));
        CustomerId customer = r.conversation().customer();

        CustomerExport export = f.engine.customers().export(f.tenant, customer);
        assertThat(export.customer().id()).isEqualTo(customer);
        assertThat(export.conversations()).singleElement().satisfies(c ->
                assertThat(c.messages()).extracting(Message::text).contains("my address is Bağdat Caddesi 1", "VIP"));

        ErasureReport report = f.engine.customers().erase(f.tenant, customer);

        assertThat(report).isEqualTo(new ErasureReport(1, 1, 3));
        assertThat(f.engine.customers().find(f.tenant, customer)).isEmpty();
        assertThat(f.engine.conversations().history(f.tenant, customer)).isEmpty();
        assertThat(f.eventsOf(CustomerErased.class)).singleElement()
                .satisfies(e -> assertThat(e.report()).isEqualTo(report));
        // the same address now starts over as a stranger
        assertThat(f.say(web("gdpr"), "hello").conversation().customer()).isNotEqualTo(customer);
    }

    @Test
    void shouldGiveOneCustomerOneConversationWhenManyThreadsDeliverAtOnce() throws Exception {
        EngineFixture f = new EngineFixture();
        int threads = 8;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Set<ConversationId>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    go.await();
                    Set<ConversationId> seen = new HashSet<>();
                    for (int i = 0; i < perThread; i++) {
                        // half the traffic from one shared customer, half from each thread's own customer
                        String visitor = i % 2 == 0 ? "shared" : "own-" + thread;
                        ReceiveResult r = f.engine.conversations().receive(InboundMessage.of(f.tenant, web(visitor),
                                thread + ":" + i).withClientMessageId("c-" + thread + "-" + i));
                        if (visitor.equals("shared")) {
                            seen.add(r.conversation().id());
                        }
                    }
                    return seen;
                }));
            }
            go.countDown();
            Set<ConversationId> shared = new HashSet<>();
            for (Future<Set<ConversationId>> fu : futures) {
                shared.addAll(fu.get(60, TimeUnit.SECONDS));
            }
            assertThat(shared).hasSize(1);
            List<Message> all = f.transcript(shared.iterator().next());
            // every shared message once, plus one acknowledgement
            assertThat(all).hasSize(threads * perThread / 2 + 1);
            assertThat(all).extracting(Message::sequence).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldUseTheInjectedClockForEveryTimestamp() {
        EngineFixture f = new EngineFixture();
        ReceiveResult r = f.say(web("t"), "first");
        f.clock.advance(Duration.ofMinutes(3));
        f.engine.conversations().join(f.tenant, r.conversation().id(), ana);
        assertThat(f.engine.conversations().get(f.tenant, r.conversation().id()).updatedAt())
                .isEqualTo(Instant.parse("2026-08-05T09:03:00Z"));
        assertThat(f.transcript(r.conversation().id())).extracting(Message::sentAt).containsExactly(
                Instant.parse("2026-08-05T09:00:00Z"), Instant.parse("2026-08-05T09:00:00Z"),
                Instant.parse("2026-08-05T09:03:00Z"));
    }
}
