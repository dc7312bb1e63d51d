package io.supportkit.core;

import io.supportkit.core.event.CustomerUpset;
import io.supportkit.core.event.MessageReceived;
import io.supportkit.core.event.PriorityChanged;
import io.supportkit.nlp.EntityType;
import io.supportkit.nlp.TextAnalyzer;
import io.supportkit.storage.AgentId;
import io.supportkit.storage.Conversation;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.Message;
import io.supportkit.storage.Priority;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.supportkit.core.EngineFixture.web;
import static org.assertj.core.api.Assertions.assertThat;

class EngineTextUnderstandingTest {
    /** Scenario S1 (en), exactly as given. */
    static final String S1_EN = "Hi, I ordered on 1 August but I see it has not shipped. It is now 4 days late. Can "
            + "you tell me the order status? My order number is 245-12784.";
    /** Scenario S2 (en), exactly as given. */
    static final String S2_EN = "I messaged your support team 2 days ago and got no answer. I'm frustrated, now I have "
            + "to work over the weekend and my boss is angry. Your support team is terrible. I'm thinking of telling "
            + "management to cancel our service with you.";
    /** Scenario S2 (tr), exactly as given. */
    static final String S2_TR = "Destek ekibinize 2 gün önce mesaj attım yanıt alamadım. Hayal kırıklığına uğradım, "
            + "şimdi hafta sonu çalışmak zorundayım ve patronum kızgın. Destek ekibiniz korkunç. Yönetime sizinle olan "
            + "hizmetimizi iptal etmesini söylemeyi düşünüyorum.";

    /** Built once: it loads the language model. */
    private static TextAnalyzer analyzer;

    @BeforeAll
    static void loadAnalyzer() {
        analyzer = TextAnalyzer.newBuilder().build();
    }

    private final EngineFixture f = new EngineFixture(SupportEngine.builder().analyzer(analyzer));

    @Test
    void shouldFindTheOrderNumberAndLanguageOfTheR1Question() {
        ReceiveResult r = f.say(web("v"), S1_EN);

        MessageReceived received = f.eventsOf(MessageReceived.class).get(0);
        assertThat(received.analysis()).isPresent();
        assertThat(received.analysis().get().entities(EntityType.ORDER_NUMBER))
                .extracting(e -> e.value()).contains("245-12784");
        assertThat(f.engine.conversations().get(f.tenant, r.conversation().id()).language()).contains("en");
        // an order number is not a secret: stored as written
        assertThat(r.message().text()).isEqualTo(S1_EN);
    }

    @Test
    void shouldRaisePriorityTagAndWarnForTheAngryCustomerInEnglishAndTurkish() {
        for (String text : new String[] {S2_EN, S2_TR}) {
            EngineFixture g = new EngineFixture(SupportEngine.builder().analyzer(analyzer));
            ConversationId id = g.say(web("angry"), text).conversation().id();
            Conversation c = g.engine.conversations().get(g.tenant, id);

            assertThat(c.priority()).as(text).isEqualTo(Priority.HIGH);
            assertThat(c.tags()).as(text).contains("angry", "churn-risk");
            assertThat(g.eventsOf(CustomerUpset.class)).as(text).singleElement()
                    .satisfies(u -> assertThat(u.sentiment().score()).isNegative());
            assertThat(g.eventsOf(PriorityChanged.class)).as(text).singleElement()
                    .satisfies(p -> assertThat(p.reason()).isEqualTo("customer may churn"));
        }
    }

    @Test
    void shouldNeverStoreOrDeliverAPasswordTheCustomerPasted() {
        ConversationId id = f.say(web("v"), "I can't log in, my password is hunter2").conversation().id();
        f.engine.conversations().reply(f.tenant, id,
                AgentMessage.of(AgentId.of("ana"), "Card 4111 1111 1111 1111 was charged, I see."));

        assertThat(f.transcript(id)).extracting(Message::text).noneMatch(t -> t.contains("hunter2"))
                .noneMatch(t -> t.contains("4111 1111 1111 1111"));
        assertThat(f.delivered).extracting(o -> o.message().text()).noneMatch(t -> t.contains("hunter2"))
                .noneMatch(t -> t.contains("1111 1111 1111"));
    }

    @Test
    void shouldRedactCardNumbersEvenWithoutAnAnalyzer() {
        EngineFixture plain = new EngineFixture();
        ReceiveResult r = plain.say(web("v"), "my card is 4111-1111-1111-1111, please refund");
        assertThat(r.message().text()).doesNotContain("4111-1111-1111-1111").contains("please refund");
        assertThat(plain.eventsOf(MessageReceived.class).get(0).analysis()).isEmpty();
    }
}
