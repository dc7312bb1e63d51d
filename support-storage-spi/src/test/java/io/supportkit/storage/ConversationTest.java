package io.supportkit.storage;

import io.supportkit.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversationTest {
    private final Instant t0 = Instant.parse("2026-08-05T09:00:00Z");
    private final ExternalId web = new ExternalId(Channel.WEB, "visitor-1");
    private final Conversation open = Conversation.open(TenantId.of("acme"), ConversationId.of("c1"),
            CustomerId.of("cus-1"), Channel.WEB, web, t0);

    @Test
    void shouldStartOpenInTheBotPhaseAtVersionOne() {
        assertThat(open.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(open.phase()).isEqualTo(Phase.BOT);
        assertThat(open.version()).isEqualTo(1);
        assertThat(open.lastAgent()).isEmpty();
    }

    @Test
    void shouldKeepEveryAssignmentAndCountTransfers() {
        Conversation c = open.assignedTo(AgentId.of("ana"), Assignment.How.JOINED, t0.plusSeconds(10))
                .assignedTo(AgentId.of("bora"), Assignment.How.TRANSFERRED, t0.plusSeconds(20));

        assertThat(c.assignee()).contains(AgentId.of("bora"));
        assertThat(c.phase()).isEqualTo(Phase.HUMAN);
        assertThat(c.transferCount()).isEqualTo(1);
        assertThat(c.assignments()).extracting(Assignment::agent).containsExactly(AgentId.of("ana"), AgentId.of("bora"));
        assertThat(c.assignments().get(0).until()).contains(t0.plusSeconds(20));
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.nextVersion().version()).isEqualTo(2);

        Conversation released = c.unassigned(t0.plusSeconds(30));
        assertThat(released.assignee()).isEmpty();
        assertThat(released.lastAgent()).contains(AgentId.of("bora"));
        assertThat(released.assignments()).allMatch(a -> !a.isCurrent());
    }

    @Test
    void shouldStampResolutionAndClearItOnReopen() {
        Conversation resolved = open.withStatus(ConversationStatus.RESOLVED, t0.plusSeconds(60));
        assertThat(resolved.resolvedAt()).contains(t0.plusSeconds(60));
        Conversation reopened = resolved.reopened(t0.plusSeconds(90));
        assertThat(reopened.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(reopened.resolvedAt()).isEmpty();
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.version()).isEqualTo(resolved.version());
    }

    @Test
    void shouldAllowOnlyTheDocumentedStatusMoves() {
        assertThat(ConversationStatus.OPEN.canMoveTo(ConversationStatus.RESOLVED)).isTrue();
        assertThat(ConversationStatus.RESOLVED.canMoveTo(ConversationStatus.RESOLVED)).isFalse();
        assertThat(ConversationStatus.RESOLVED.canMoveTo(ConversationStatus.PENDING)).isFalse();
        for (ConversationStatus s : ConversationStatus.values()) {
            assertThat(ConversationStatus.CLOSED.canMoveTo(s)).isFalse();
        }
    }

    @Test
    void shouldRejectAnAssigneeThatIsNotTheCurrentAssignment() {
        assertThatThrownBy(() -> new Conversation(open.tenant(), open.id(), open.customer(), open.status(), Phase.HUMAN,
                Channel.WEB, web, Optional.empty(), Priority.NORMAL, java.util.Set.of(), Optional.of(AgentId.of("ana")),
                List.of(), 0, 0, t0, t0, Optional.empty(), 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ana");
    }

    @Test
    void shouldRejectMessagesWithoutContentOrWithMalformedText() {
        assertThatThrownBy(() -> new NewMessage(open.tenant(), open.id(), MessageId.of("m"), Optional.empty(),
                AuthorKind.CUSTOMER, "cus-1", Visibility.PUBLIC, Channel.WEB, "   ", List.of(), t0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> new NewMessage(open.tenant(), open.id(), MessageId.of("m"), Optional.empty(),
                AuthorKind.CUSTOMER, "cus-1", Visibility.PUBLIC, Channel.WEB, "bad \uD800 text", List.of(), t0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> new NewMessage(open.tenant(), open.id(), MessageId.of("m"), Optional.empty(),
                AuthorKind.CUSTOMER, "cus-1", Visibility.INTERNAL, Channel.WEB, "note", List.of(), t0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("internal notes");
    }
}
