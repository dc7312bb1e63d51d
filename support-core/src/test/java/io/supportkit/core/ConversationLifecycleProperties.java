package io.supportkit.core;

import io.supportkit.IllegalTransitionException;
import io.supportkit.storage.AgentId;
import io.supportkit.storage.Conversation;
import io.supportkit.storage.ConversationStatus;
import io.supportkit.storage.CustomerId;
import io.supportkit.storage.ExternalId;
import io.supportkit.storage.Message;
import io.supportkit.storage.Phase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.supportkit.core.EngineFixture.web;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of customer and agent actions, checked against the state machine's rules after every step:
 * a move is either allowed and applied, or rejected with no change at all.
 */
class ConversationLifecycleProperties {

    enum Kind { SAY, JOIN, REPLY, NOTE, TRANSFER, AWAIT, RESOLVE, REOPEN, CLOSE, WAIT_HOURS, WAIT_DAYS }

    record Action(Kind kind, int customer, int agent) {
    }

    @Provide
    Arbitrary<Action> actions() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2)).as(Action::new);
    }

    @Property(tries = 200)
    void everyMoveIsEitherAppliedAsTheRulesSayOrRejectedWithoutChange(
            @ForAll @Size(max = 60) List<@net.jqwik.api.From("actions") Action> script) {
        EngineFixture f = new EngineFixture();
        Conversations conversations = f.engine.conversations();
        Map<Integer, CustomerId> customers = new HashMap<>();

        for (Action a : script) {
            ExternalId address = web("visitor-" + a.customer());
            AgentId agent = AgentId.of("agent-" + a.agent());
            Optional<Conversation> before = Optional.ofNullable(customers.get(a.customer()))
                    .flatMap(c -> conversations.findActive(f.tenant, c));
            long messagesBefore = before.map(c -> conversations.transcript(f.tenant, c.id(), 0, 1).nextAfter())
                    .orElse(0L);
            int eventsBefore = f.events.size();
            try {
                switch (a.kind()) {
                    case SAY -> customers.put(a.customer(), f.say(address, "message").conversation().customer());
                    case WAIT_HOURS -> f.clock.advance(Duration.ofHours(5));
                    case WAIT_DAYS -> f.clock.advance(Duration.ofDays(4));
                    default -> {
                        if (before.isEmpty()) {
                            continue;
                        }
                        var id = before.get().id();
                        switch (a.kind()) {
                            case JOIN -> conversations.join(f.tenant, id, agent);
                            case REPLY -> conversations.reply(f.tenant, id, AgentMessage.of(agent, "reply"));
                            case NOTE -> conversations.note(f.tenant, id, AgentMessage.of(agent, "note"));
                            case TRANSFER -> conversations.transfer(f.tenant, id, agent, "skills");
                            case AWAIT -> conversations.awaitCustomer(f.tenant, id, agent);
                            case RESOLVE -> conversations.resolve(f.tenant, id, agent);
                            case REOPEN -> conversations.reopen(f.tenant, id, agent);
                            case CLOSE -> conversations.close(f.tenant, id);
                            default -> throw new AssertionError(a);
                        }
                    }
                }
            } catch (IllegalTransitionException rejected) {
                Conversation now = conversations.get(f.tenant, before.orElseThrow().id());
                assertThat(now).as("rejected %s changed the conversation", a).isEqualTo(before.get());
                assertThat(f.events).as("rejected %s published events", a).hasSize(eventsBefore);
                long messagesNow = f.transcript(now.id()).size();
                assertThat(messagesNow).isGreaterThanOrEqualTo(messagesBefore);
            }
            for (CustomerId c : customers.values()) {
                checkInvariants(f, c);
            }
        }
    }

    private static void checkInvariants(EngineFixture f, CustomerId customer) {
        List<Conversation> history = f.engine.conversations().history(f.tenant, customer);
        assertThat(history.stream().filter(c -> c.status() != ConversationStatus.CLOSED).count())
                .as("conversations not closed").isLessThanOrEqualTo(1);
        for (Conversation c : history) {
            if (c.assignee().isPresent()) {
                assertThat(c.status().isActive()).as("an agent holds only an open or pending conversation").isTrue();
            }
            assertThat(c.phase() == Phase.HUMAN).as("human phase exactly while an agent holds it")
                    .isEqualTo(c.assignee().isPresent());
            if (c.status() == ConversationStatus.RESOLVED) {
                assertThat(c.resolvedAt()).as("a resolved conversation says when").isPresent();
            }
            if (c.status().isActive()) {
                assertThat(c.resolvedAt()).as("an open or pending conversation is not resolved").isEmpty();
            }
            assertThat(c.transferCount()).isLessThanOrEqualTo(c.assignments().size());
            List<Message> transcript = f.transcript(c.id());
            for (int i = 0; i < transcript.size(); i++) {
                assertThat(transcript.get(i).sequence()).isEqualTo(i + 1L);
            }
            assertThat(transcript).extracting(Message::sentAt).isSorted();
        }
    }
}
