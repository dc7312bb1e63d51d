package io.supportkit.examples;

import io.supportkit.core.AgentMessage;
import io.supportkit.core.InboundMessage;
import io.supportkit.core.ReceiveResult;
import io.supportkit.core.SupportEngine;
import io.supportkit.core.event.MessageReceived;
import io.supportkit.core.event.SlaUpdate;
import io.supportkit.core.event.SupportEvent;
import io.supportkit.core.sla.SlaEvent;
import io.supportkit.core.sla.SlaMetric;
import io.supportkit.core.sla.SlaPolicies;
import io.supportkit.core.sla.SlaPolicy;
import io.supportkit.core.sla.TimeBasis;
import io.supportkit.nlp.EntityType;
import io.supportkit.nlp.TextAnalysis;
import io.supportkit.nlp.TextAnalyzer;
import io.supportkit.core.spi.IdGenerator;
import io.supportkit.core.spi.OutboundMessage;
import io.supportkit.storage.AgentId;
import io.supportkit.storage.Channel;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.ExternalId;
import io.supportkit.storage.Message;
import io.supportkit.storage.TenantId;
import io.supportkit.storage.TranscriptPage;
import io.supportkit.storage.memory.InMemorySupportStore;
import io.supportkit.time.VirtualClock;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays the order-status conversation of requirement R1 through the engine on a virtual clock, the way a
 * host would drive it from its transport and its agent UI, then prints the transcript and the events.
 *
 * <p>Run it with {@code mvn -B -q -pl examples -am compile exec:java}.
 */
public final class ScriptedConversation {
    /** The customer's first message, exactly as in the acceptance scenario S1. */
    public static final String ORDER_STATUS_QUESTION = "Hi, I ordered on 1 August but I see it has not shipped. "
            + "It is now 4 days late. Can you tell me the order status? My order number is 245-12784.";

    private final VirtualClock clock = VirtualClock.at(Instant.parse("2026-08-05T09:00:00Z"));
    private final List<OutboundMessage> delivered = new CopyOnWriteArrayList<>();
    private final List<SupportEvent> events = new CopyOnWriteArrayList<>();
    private final SupportEngine engine = SupportEngine.builder()
            .clock(clock)
            .store(new InMemorySupportStore())
            .idGenerator(IdGenerator.sequential())
            .outbound(delivered::add)          // a real host hands these to its WebSocket, SMS gateway, ...
            .listener(events::add)             // ... and these to its metrics and audit log
            .analyzer(TextAnalyzer.newBuilder().build())   // language, sentiment, entities, redaction
            .sla(SlaPolicies.of(SlaPolicy.builder("live-chat")
                    .target(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(1), TimeBasis.CALENDAR)
                    .target(SlaMetric.NEXT_RESPONSE, Duration.ofMinutes(3), TimeBasis.CALENDAR)
                    .build()))
            .build();
    private final TenantId shop = TenantId.of("acme-shop");
    private final ExternalId webVisitor = new ExternalId(Channel.WEB, "visitor-5f2c");
    private final AgentId ana = AgentId.of("ana");
    private final AgentId bora = AgentId.of("bora");

    /** Runs the script and returns the id of the conversation it played. */
    public ConversationId play() {
        ReceiveResult first = engine.conversations().receive(
                InboundMessage.of(shop, webVisitor, ORDER_STATUS_QUESTION).withClientMessageId("web-1"));
        ConversationId id = first.conversation().id();

        clock.advance(Duration.ofSeconds(35));
        engine.conversations().join(shop, id, ana);
        clock.advance(Duration.ofSeconds(10));
        engine.conversations().reply(shop, id, AgentMessage.of(ana,
                "Hi, I'm Ana. I'm sorry your order is late. I'm looking up order 245-12784 now."));
        clock.advance(Duration.ofSeconds(50));
        engine.conversations().note(shop, id, AgentMessage.of(ana,
                "Carrier shows 245-12784 stuck at the Ankara hub since 2 August."));
        clock.advance(Duration.ofSeconds(20));
        engine.conversations().transfer(shop, id, bora, "carrier claim needs the logistics team");
        clock.advance(Duration.ofMinutes(2));
        engine.conversations().reply(shop, id, AgentMessage.of(bora,
                "Hi, Bora from logistics. I've filed a claim with the carrier; your parcel leaves today "
                        + "and you'll get the tracking link by e-mail."));
        clock.advance(Duration.ofMinutes(1));
        engine.conversations().receive(InboundMessage.of(shop, webVisitor, "Great, thank you!")
                .withClientMessageId("web-2"));
        // the widget retries the same message after a network blip: stored once
        engine.conversations().receive(InboundMessage.of(shop, webVisitor, "Great, thank you!")
                .withClientMessageId("web-2"));
        clock.advance(Duration.ofSeconds(30));
        engine.conversations().resolve(shop, id, bora);

        // the next day the customer writes again from their phone: same customer, same history
        clock.advance(Duration.ofDays(1));
        ExternalId sms = new ExternalId(Channel.SMS, "+905551234567");
        engine.conversations().receive(InboundMessage.of(shop, sms, "It arrived, all good.")
                .withKnownCustomer(first.conversation().customer()));
        clock.advance(Duration.ofSeconds(40));
        engine.conversations().resolve(shop, id, bora);
        return id;
    }

    public List<Message> transcript(ConversationId id) {
        List<Message> all = new ArrayList<>();
        long after = 0;
        TranscriptPage page;
        do {
            page = engine.conversations().transcript(shop, id, after, 50);
            all.addAll(page.messages());
            after = page.nextAfter();
        } while (page.hasMore());
        return all;
    }

    public List<SupportEvent> events() {
        return events;
    }

    public List<OutboundMessage> delivered() {
        return delivered;
    }

    public SupportEngine engine() {
        return engine;
    }

    public TenantId tenant() {
        return shop;
    }

    public void print(ConversationId id, PrintStream out) {
        out.println("Transcript of " + id + " (tenant " + shop + ")");
        for (Message m : transcript(id)) {
            out.printf("  #%-2d %s  %-8s %-13s %-7s %-8s %s%n", m.sequence(), m.sentAt(), m.authorKind(),
                    m.authorId(), m.channel(), m.isInternal() ? "internal" : "public", m.text());
        }
        out.println();
        out.println("Events");
        for (SupportEvent e : events) {
            out.printf("  %s  %-24s %s%n", e.at(), e.getClass().getSimpleName(), detail(e));
        }
        out.println();
        out.println("Delivered to the customer: " + delivered.size() + " messages");
        io.supportkit.storage.Conversation c = engine.conversations().get(shop, id);
        out.printf("Conversation now: %s, %d transfer(s), reopened %d time(s), agents %s%n", c.status(),
                c.transferCount(), c.reopenCount(), c.assignments().stream().map(a -> a.agent().value()).toList());
    }

    /** A short human reading of the events worth explaining. */
    private static String detail(SupportEvent e) {
        if (e instanceof MessageReceived m && m.analysis().isPresent()) {
            TextAnalysis a = m.analysis().get();
            return "language " + a.language().language().isoCode() + ", sentiment " + a.sentiment().label()
                    + ", order numbers " + a.entities(EntityType.ORDER_NUMBER).stream().map(x -> x.value()).toList()
                    + ", cues " + a.cues();
        }
        if (e instanceof SlaUpdate u && u.sla() instanceof SlaEvent.MetricEvent m) {
            return m.getClass().getSimpleName() + " " + m.metric() + " after " + m.elapsed().toSeconds() + " s";
        }
        return "";
    }

    public static void main(String[] args) {
        ScriptedConversation script = new ScriptedConversation();
        ConversationId id = script.play();
        script.print(id, System.out);
    }
}
