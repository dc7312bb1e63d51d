package io.supportkit.core;

import io.supportkit.IllegalTransitionException;
import io.supportkit.InvalidInputException;
import io.supportkit.NotFoundException;
import io.supportkit.core.event.AgentJoined;
import io.supportkit.core.event.AgentReplied;
import io.supportkit.core.event.AutoReplySent;
import io.supportkit.core.event.AwaitingCustomer;
import io.supportkit.core.event.ConversationClosed;
import io.supportkit.core.event.ConversationReopened;
import io.supportkit.core.event.ConversationResolved;
import io.supportkit.core.event.ConversationStarted;
import io.supportkit.core.event.ConversationTransferred;
import io.supportkit.core.event.MessageReceived;
import io.supportkit.core.event.NoteAdded;
import io.supportkit.storage.AgentId;
import io.supportkit.storage.AuthorKind;
import io.supportkit.storage.Channel;
import io.supportkit.storage.Conversation;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.ConversationStatus;
import io.supportkit.storage.ExternalId;
import io.supportkit.storage.Message;
import io.supportkit.storage.Phase;
import io.supportkit.storage.TenantId;
import io.supportkit.storage.Visibility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static io.supportkit.core.EngineFixture.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversationLifecycleTest {
    private final EngineFixture f = new EngineFixture();
    private final Conversations conversations = f.engine.conversations();
    private final AgentId ana = AgentId.of("ana");
    private final AgentId bora = AgentId.of("bora");
    private final ExternalId visitor = web("visitor-1");

    private ConversationId opened() {
        return f.say(visitor, "Hello, my parcel is late").conversation().id();
    }

    @Nested
    class CustomerMessages {
        @Test
        void shouldOpenAConversationAndAcknowledgeAtOnceOnTheFirstMessage() {
            ReceiveResult r = f.say(visitor, "Hello, my parcel is late");

            assertThat(r.started()).isTrue();
            assertThat(r.conversation().status()).isEqualTo(ConversationStatus.OPEN);
            assertThat(r.conversation().phase()).isEqualTo(Phase.BOT);
            assertThat(r.autoReply()).isPresent();
            assertThat(r.autoReply().get().authorKind()).isEqualTo(AuthorKind.BOT);
            assertThat(f.delivered).extracting(o -> o.message().text())
                    .containsExactly(SupportEngine.Builder.DEFAULT_ACKNOWLEDGEMENT);
            assertThat(f.delivered.get(0).recipient()).isEqualTo(visitor);
            assertThat(f.events).hasExactlyElementsOfTypes(ConversationStarted.class, MessageReceived.class,
                    AutoReplySent.class);
            assertThat(f.events).allMatch(e -> e.at().equals(f.clock.instant()));
        }

        @Test
        void shouldContinueTheOpenConversationWithoutASecondAcknowledgement() {
            ConversationId id = opened();
            f.clock.advance(Duration.ofSeconds(20));
            ReceiveResult second = f.say(visitor, "Order 245-12784");

            assertThat(second.conversation().id()).isEqualTo(id);
            assertThat(second.started()).isFalse();
            assertThat(second.autoReply()).isEmpty();
            assertThat(f.transcript(id)).extracting(Message::text)
                    .containsExactly("Hello, my parcel is late", SupportEngine.Builder.DEFAULT_ACKNOWLEDGEMENT,
                            "Order 245-12784");
            assertThat(f.transcript(id).get(2).sentAt()).isEqualTo(f.clock.instant());
        }

        @Test
        void shouldStoreARetriedDeliveryOnceAndSendNothingAgain() {
            InboundMessage m = InboundMessage.of(f.tenant, visitor, "hi").withClientMessageId("wamid-1");
            ReceiveResult first = conversations.receive(m);
            int deliveries = f.delivered.size();
            int events = f.events.size();

            ReceiveResult retry = conversations.receive(m);

            assertThat(retry.duplicate()).isTrue();
            assertThat(retry.message()).isEqualTo(first.message());
            assertThat(f.transcript(first.conversation().id())).hasSize(2);
            assertThat(f.delivered).hasSize(deliveries);
            assertThat(f.events).hasSize(events);
        }

        @Test
        void shouldLandTheSameCustomerWritingFromTwoChannelsInOneHistory() {
            ReceiveResult onWeb = f.say(visitor, "I ordered a phone");
            ExternalId sms = new ExternalId(Channel.SMS, "+905551112233");
            ReceiveResult onSms = conversations.receive(InboundMessage.of(f.tenant, sms, "any news?")
                    .withKnownCustomer(onWeb.conversation().customer()));

            assertThat(onSms.conversation().id()).isEqualTo(onWeb.conversation().id());
            assertThat(onSms.conversation().channel()).isEqualTo(Channel.SMS);
            assertThat(f.transcript(onWeb.conversation().id())).extracting(Message::channel)
                    .containsExactly(Channel.WEB, Channel.WEB, Channel.SMS);

            // once linked, the SMS number alone is enough to find them
            ReceiveResult later = f.say(sms, "hello?");
            assertThat(later.conversation().id()).isEqualTo(onWeb.conversation().id());

            // and an agent's reply goes back on the channel they used last
            conversations.reply(f.tenant, later.conversation().id(), AgentMessage.of(ana, "On its way!"));
            assertThat(f.delivered.get(f.delivered.size() - 1).recipient()).isEqualTo(sms);
        }

        @Test
        void shouldJoinChannelsLinkedThroughTheCustomersApi() {
            ReceiveResult onWeb = f.say(visitor, "hi from the web");
            ExternalId mail = new ExternalId(Channel.EMAIL, "deniz@example.com");
            f.engine.customers().link(f.tenant, onWeb.conversation().customer(), mail);

            ReceiveResult byMail = f.say(mail, "hi by e-mail");

            assertThat(byMail.conversation().id()).isEqualTo(onWeb.conversation().id());
            assertThat(conversations.history(f.tenant, onWeb.conversation().customer())).hasSize(1);
        }

        @Test
        void shouldKeepDifferentCustomersApart() {
            ReceiveResult a = f.say(web("a"), "one");
            ReceiveResult b = f.say(web("b"), "two");
            assertThat(a.conversation().id()).isNotEqualTo(b.conversation().id());
            assertThat(a.conversation().customer()).isNotEqualTo(b.conversation().customer());
        }
    }

    @Nested
    class StateMachine {
        @Test
        void shouldCarryOneConversationFromFirstMessageToResolution() {
            ConversationId id = opened();

            Conversation joined = conversations.join(f.tenant, id, ana);
            assertThat(joined.assignee()).contains(ana);
            assertThat(joined.phase()).isEqualTo(Phase.HUMAN);

            Message reply = conversations.reply(f.tenant, id, AgentMessage.of(ana, "Let me check."));
            assertThat(reply.authorKind()).isEqualTo(AuthorKind.AGENT);
            assertThat(f.delivered).extracting(o -> o.message().text()).endsWith("Let me check.");

            Message note = conversations.note(f.tenant, id, AgentMessage.of(ana, "Carrier says lost in Ankara hub"));
            assertThat(note.visibility()).isEqualTo(Visibility.INTERNAL);
            assertThat(f.delivered).extracting(o -> o.message().text()).doesNotContain(note.text());

            Conversation transferred = conversations.transfer(f.tenant, id, bora, "needs a refund approval");
            assertThat(transferred.assignee()).contains(bora);
            assertThat(transferred.transferCount()).isEqualTo(1);
            assertThat(transferred.assignments()).extracting(a -> a.agent()).containsExactly(ana, bora);

            Conversation pending = conversations.awaitCustomer(f.tenant, id, bora);
            assertThat(pending.status()).isEqualTo(ConversationStatus.PENDING);
            assertThat(f.say(visitor, "ok, refund please").conversation().status()).isEqualTo(ConversationStatus.OPEN);

            Conversation resolved = conversations.resolve(f.tenant, id, bora);
            assertThat(resolved.status()).isEqualTo(ConversationStatus.RESOLVED);
            assertThat(resolved.assignee()).isEmpty();
            assertThat(resolved.lastAgent()).contains(bora);
            assertThat(resolved.resolvedAt()).contains(f.clock.instant());

            // bora, who takes it over, sees ana's note and the whole history
            assertThat(f.transcript(id)).extracting(Message::text).contains("Carrier says lost in Ankara hub",
                    "transferred from ana to bora: needs a refund approval");
            assertThat(f.events).hasAtLeastOneElementOfType(AgentJoined.class)
                    .hasAtLeastOneElementOfType(AgentReplied.class).hasAtLeastOneElementOfType(NoteAdded.class)
                    .hasAtLeastOneElementOfType(ConversationTransferred.class)
                    .hasAtLeastOneElementOfType(AwaitingCustomer.class)
                    .hasAtLeastOneElementOfType(ConversationResolved.class);
        }

        @Test
        void shouldReopenWhenTheCustomerWritesAgainSoonAfterResolution() {
            ConversationId id = opened();
            conversations.reply(f.tenant, id, AgentMessage.of(ana, "Done"));
            conversations.resolve(f.tenant, id, ana);
            f.clock.advance(Duration.ofHours(3));

            ReceiveResult again = f.say(visitor, "It broke again");

            assertThat(again.reopened()).isTrue();
            assertThat(again.conversation().id()).isEqualTo(id);
            assertThat(again.conversation().status()).isEqualTo(ConversationStatus.OPEN);
            assertThat(again.conversation().reopenCount()).isEqualTo(1);
            assertThat(again.conversation().lastAgent()).contains(ana);
            assertThat(again.autoReply()).isPresent();
            assertThat(f.eventsOf(ConversationReopened.class)).singleElement()
                    .satisfies(e -> assertThat(e.by()).isEmpty());
        }

        @Test
        void shouldStartAFreshConversationWhenTheCustomerWritesLongAfterResolution() {
            ConversationId id = opened();
            conversations.resolve(f.tenant, id, ana);
            f.clock.advance(Duration.ofDays(8));

            ReceiveResult later = f.say(visitor, "New question");

            assertThat(later.started()).isTrue();
            assertThat(later.conversation().id()).isNotEqualTo(id);
            assertThat(conversations.get(f.tenant, id).status()).isEqualTo(ConversationStatus.CLOSED);
            assertThat(conversations.history(f.tenant, later.conversation().customer()))
                    .extracting(Conversation::id).containsExactly(id, later.conversation().id());
        }

        @Test
        void shouldStartAFreshConversationAfterClose() {
            ConversationId id = opened();
            conversations.close(f.tenant, id);
            ReceiveResult next = f.say(visitor, "Hello again");
            assertThat(next.started()).isTrue();
            assertThat(next.conversation().id()).isNotEqualTo(id);
            assertThat(f.eventsOf(ConversationClosed.class)).hasSize(1);
        }

        @Test
        void shouldLetAnAgentReopenAResolvedConversation() {
            ConversationId id = opened();
            conversations.resolve(f.tenant, id, ana);
            Conversation reopened = conversations.reopen(f.tenant, id, bora);
            assertThat(reopened.status()).isEqualTo(ConversationStatus.OPEN);
            assertThat(f.eventsOf(ConversationReopened.class)).singleElement()
                    .satisfies(e -> assertThat(e.by()).contains(bora));
        }

        @Test
        void shouldLetAnAgentReplyToAnUnheldConversationByJoiningIt() {
            ConversationId id = opened();
            conversations.reply(f.tenant, id, AgentMessage.of(ana, "Hi, I'm Ana"));
            assertThat(conversations.get(f.tenant, id).assignee()).contains(ana);
            assertThat(f.eventsOf(AgentJoined.class)).hasSize(1);
        }

        @Test
        void shouldStoreARetriedAgentReplyOnce() {
            ConversationId id = opened();
            AgentMessage reply = AgentMessage.of(ana, "Checking now").withClientMessageId("ui-77");
            Message first = conversations.reply(f.tenant, id, reply);
            int delivered = f.delivered.size();
            Message again = conversations.reply(f.tenant, id, reply);
            assertThat(again).isEqualTo(first);
            assertThat(f.delivered).hasSize(delivered);
        }
    }

    @Nested
    class RejectedMoves {
        /** Runs a move that must fail, and checks it left the conversation, transcript and outputs untouched. */
        private void assertRejected(ConversationId id, Consumer<ConversationId> move, String messagePart) {
            Conversation before = conversations.get(f.tenant, id);
            List<Message> transcript = f.transcript(id);
            int delivered = f.delivered.size();
            int events = f.events.size();

            assertThatThrownBy(() -> move.accept(id))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining(messagePart);

            assertThat(conversations.get(f.tenant, id)).isEqualTo(before);
            assertThat(f.transcript(id)).isEqualTo(transcript);
            assertThat(f.delivered).hasSize(delivered);
            assertThat(f.events).hasSize(events);
        }

        private ConversationId resolvedConversation() {
            ConversationId id = opened();
            conversations.resolve(f.tenant, id, ana);
            return id;
        }

        private ConversationId closedConversation() {
            ConversationId id = opened();
            conversations.close(f.tenant, id);
            return id;
        }

        @Test
        void shouldRejectAReplyToAClosedConversation() {
            assertRejected(closedConversation(), id -> conversations.reply(f.tenant, id, AgentMessage.of(ana, "hi")),
                    "it is CLOSED");
        }

        @Test
        void shouldRejectAReplyToAResolvedConversation() {
            assertRejected(resolvedConversation(), id -> conversations.reply(f.tenant, id, AgentMessage.of(ana, "hi")),
                    "it is RESOLVED");
        }

        @Test
        void shouldRejectResolvingTwice() {
            assertRejected(resolvedConversation(), id -> conversations.resolve(f.tenant, id, ana), "it is RESOLVED");
        }

        @Test
        void shouldRejectJoiningAConversationAnotherAgentHolds() {
            ConversationId id = opened();
            conversations.join(f.tenant, id, ana);
            assertRejected(id, c -> conversations.join(f.tenant, c, bora), "is held by ana");
        }

        @Test
        void shouldRejectJoiningTwice() {
            ConversationId id = opened();
            conversations.join(f.tenant, id, ana);
            assertRejected(id, c -> conversations.join(f.tenant, c, ana), "already holds");
        }

        @Test
        void shouldRejectJoiningAResolvedConversation() {
            assertRejected(resolvedConversation(), id -> conversations.join(f.tenant, id, ana), "cannot join");
        }

        @Test
        void shouldRejectAReplyFromAnAgentWhoDoesNotHoldIt() {
            ConversationId id = opened();
            conversations.join(f.tenant, id, ana);
            assertRejected(id, c -> conversations.reply(f.tenant, c, AgentMessage.of(bora, "me too")),
                    "held by ana, not bora");
        }

        @Test
        void shouldRejectATransferWithNobodyToTransferFrom() {
            assertRejected(opened(), id -> conversations.transfer(f.tenant, id, bora, "billing"), "join it instead");
        }

        @Test
        void shouldRejectATransferToTheAgentWhoHoldsIt() {
            ConversationId id = opened();
            conversations.join(f.tenant, id, ana);
            assertRejected(id, c -> conversations.transfer(f.tenant, c, ana, "billing"), "already held by ana");
        }

        @Test
        void shouldRejectATransferOfAResolvedConversation() {
            assertRejected(resolvedConversation(), id -> conversations.transfer(f.tenant, id, bora, "x"),
                    "cannot transfer");
        }

        @Test
        void shouldRejectWaitingOnTheCustomerTwice() {
            ConversationId id = opened();
            conversations.awaitCustomer(f.tenant, id, ana);
            assertRejected(id, c -> conversations.awaitCustomer(f.tenant, c, ana), "is PENDING");
        }

        @Test
        void shouldRejectReopeningAnOpenConversation() {
            assertRejected(opened(), id -> conversations.reopen(f.tenant, id, ana), "is OPEN");
        }

        @Test
        void shouldRejectReopeningAClosedConversation() {
            assertRejected(closedConversation(), id -> conversations.reopen(f.tenant, id, ana), "is CLOSED");
        }

        @Test
        void shouldRejectClosingTwice() {
            assertRejected(closedConversation(), id -> conversations.close(f.tenant, id), "already CLOSED");
        }

        @Test
        void shouldRejectANoteOnAClosedConversation() {
            assertRejected(closedConversation(), id -> conversations.note(f.tenant, id, AgentMessage.of(ana, "x")),
                    "CLOSED");
        }
    }

    @Nested
    class BadInput {
        @Test
        void shouldRejectNullBlankAndOversizedMessagesAndStoreNothing() {
            assertThatThrownBy(() -> conversations.receive(null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> f.say(visitor, "   ")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("blank");
            assertThatThrownBy(() -> f.say(visitor, "x".repeat(10_001))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("10000").hasMessageContaining("10001");
            assertThatThrownBy(() -> f.say(visitor, "broken \uD83D")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("surrogate");
            assertThat(f.engine.customers().find(f.tenant, io.supportkit.storage.CustomerId.of("cus_1"))).isEmpty();
            assertThat(f.events).isEmpty();
        }

        @Test
        void shouldReportUnknownConversationsAndOtherTenantsAsNotFound() {
            ConversationId id = opened();
            assertThatThrownBy(() -> conversations.join(f.tenant, ConversationId.of("nope"), ana))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("nope");
            assertThatThrownBy(() -> conversations.get(TenantId.of("other"), id))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> conversations.reply(TenantId.of("other"), id, AgentMessage.of(ana, "hi")))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void shouldRequireAReasonForEveryTransfer() {
            ConversationId id = opened();
            conversations.join(f.tenant, id, ana);
            assertThatThrownBy(() -> conversations.transfer(f.tenant, id, bora, " "))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
            assertThat(conversations.get(f.tenant, id).assignee()).contains(ana);
        }

        @Test
        void shouldRefuseToLinkAnAddressAnotherCustomerOwns() {
            ReceiveResult a = f.say(web("a"), "one");
            f.say(web("b"), "two");
            assertThatThrownBy(() -> conversations.receive(InboundMessage.of(f.tenant, web("b"), "I am a")
                    .withKnownCustomer(a.conversation().customer())))
                    .isInstanceOf(io.supportkit.ConflictException.class);
            assertThat(f.transcript(a.conversation().id())).hasSize(2);
        }
    }
}
