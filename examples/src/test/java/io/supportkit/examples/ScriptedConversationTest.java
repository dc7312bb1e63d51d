package io.supportkit.examples;

import io.supportkit.core.event.AgentJoined;
import io.supportkit.core.event.ConversationReopened;
import io.supportkit.core.event.ConversationResolved;
import io.supportkit.core.event.ConversationStarted;
import io.supportkit.core.event.ConversationTransferred;
import io.supportkit.core.event.MessageReceived;
import io.supportkit.core.event.SlaUpdate;
import io.supportkit.core.sla.SlaEvent;
import io.supportkit.core.sla.SlaMetric;
import io.supportkit.nlp.EntityType;
import io.supportkit.storage.AuthorKind;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.ConversationStatus;
import io.supportkit.storage.Message;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptedConversationTest {
    @Test
    void shouldPlayTheR1ConversationWithEveryStepTimestampedByTheVirtualClock() {
        ScriptedConversation script = new ScriptedConversation();
        ConversationId id = script.play();
        List<Message> transcript = script.transcript(id);

        assertThat(transcript.get(0).text()).isEqualTo(ScriptedConversation.ORDER_STATUS_QUESTION);
        assertThat(transcript.get(0).sentAt()).isEqualTo(Instant.parse("2026-08-05T09:00:00Z"));
        assertThat(transcript.get(1).authorKind()).isEqualTo(AuthorKind.BOT);
        // the plain acknowledgement does not ask a customer who already explained "how can we help?"
        assertThat(transcript.get(1).text()).doesNotContainIgnoringCase("how can we help");
        assertThat(transcript).extracting(Message::text).contains("ana joined",
                "transferred from ana to bora: carrier claim needs the logistics team", "resolved by bora",
                "It arrived, all good.");
        assertThat(transcript).extracting(Message::text).filteredOn("Great, thank you!"::equals).hasSize(1);
        assertThat(transcript).extracting(Message::sentAt).isSorted();
        assertThat(script.events()).hasAtLeastOneElementOfType(ConversationStarted.class)
                .hasAtLeastOneElementOfType(AgentJoined.class)
                .hasAtLeastOneElementOfType(ConversationTransferred.class)
                .hasAtLeastOneElementOfType(ConversationReopened.class)
                .hasAtLeastOneElementOfType(ConversationResolved.class);
        assertThat(script.engine().conversations().get(script.tenant(), id).status())
                .isEqualTo(ConversationStatus.RESOLVED);
        // the first response came 45 s after the question, inside the one-minute target
        assertThat(script.events()).filteredOn(SlaUpdate.class::isInstance).map(e -> ((SlaUpdate) e).sla())
                .filteredOn(SlaEvent.Fulfilled.class::isInstance)
                .anySatisfy(e -> {
                    SlaEvent.Fulfilled done = (SlaEvent.Fulfilled) e;
                    assertThat(done.metric()).isEqualTo(SlaMetric.FIRST_RESPONSE);
                    assertThat(done.breached()).isFalse();
                    assertThat(done.elapsed()).isEqualTo(java.time.Duration.ofSeconds(45));
                });
        // the engine understood the question before anyone read it
        assertThat(script.events()).filteredOn(MessageReceived.class::isInstance).first()
                .satisfies(e -> assertThat(((MessageReceived) e).analysis().orElseThrow()
                        .entities(EntityType.ORDER_NUMBER)).extracting(x -> x.value()).contains("245-12784"));
        // internal notes never reach the customer
        assertThat(script.delivered()).extracting(o -> o.message().text())
                .noneMatch(t -> t.contains("Ankara hub"));
    }

    @Test
    void shouldPrintTheTranscriptAndTheEvents() {
        ScriptedConversation script = new ScriptedConversation();
        ConversationId id = script.play();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        script.print(id, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Transcript of " + id, "2026-08-05T09:00:35Z", "AgentJoined", "internal");
    }
}
