package io.supportkit.storage;

import io.supportkit.InvalidInputException;
import io.supportkit.internal.Require;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One support conversation with one customer, possibly spanning several channels (R2).
 *
 * <p>Immutable snapshot. Stores keep the latest snapshot and use {@link #version()} for optimistic
 * concurrency: the {@code with...} methods return changed copies at the same version, and
 * {@code store.update(c.withStatus(RESOLVED, now))} succeeds only while the stored version is still
 * {@code c.version()}; the store then keeps and returns it at {@link #nextVersion() the next version}.
 *
 * @param channel     channel of the customer's latest message: replies go back there
 * @param replyTo     the customer's address on that channel
 * @param language    BCP-47 tag of the conversation's language once known
 * @param assignee    the agent holding it now
 * @param assignments every stretch any agent held it, oldest first (never shortened)
 * @param resolvedAt  when it was last resolved; empty while it has never been, or since it was reopened
 */
public record Conversation(
        TenantId tenant,
        ConversationId id,
        CustomerId customer,
        ConversationStatus status,
        Phase phase,
        Channel channel,
        ExternalId replyTo,
        Optional<String> language,
        Priority priority,
        Set<String> tags,
        Optional<AgentId> assignee,
        List<Assignment> assignments,
        int transferCount,
        int reopenCount,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> resolvedAt,
        long version) {

    public static final int MAX_TAGS = 64;

    public Conversation {
        Require.nonNull(tenant, "tenant");
        Require.nonNull(id, "conversationId");
        Require.nonNull(customer, "customerId");
        Require.nonNull(status, "status");
        Require.nonNull(phase, "phase");
        Require.nonNull(channel, "channel");
        Require.nonNull(replyTo, "replyTo");
        Require.nonNull(language, "language");
        language.ifPresent(l -> Require.id(l, "language"));
        Require.nonNull(priority, "priority");
        Require.noNullElements(tags, "tags");
        if (tags.size() > MAX_TAGS) {
            throw new InvalidInputException("tags must hold at most " + MAX_TAGS + ", was " + tags.size());
        }
        tags.forEach(t -> Require.id(t, "tag"));
        tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
        Require.nonNull(assignee, "assignee");
        Require.noNullElements(assignments, "assignments");
        assignments = List.copyOf(assignments);
        if (assignee.isPresent() && (assignments.isEmpty() || !assignments.get(assignments.size() - 1).isCurrent()
                || !assignments.get(assignments.size() - 1).agent().equals(assignee.get()))) {
            throw new InvalidInputException("assignee " + assignee.get() + " must match the current assignment");
        }
        if (transferCount < 0 || reopenCount < 0) {
            throw new InvalidInputException("counters must not be negative: transfers " + transferCount
                    + ", reopens " + reopenCount);
        }
        Require.nonNull(createdAt, "createdAt");
        Require.nonNull(updatedAt, "updatedAt");
        if (updatedAt.isBefore(createdAt)) {
            throw new InvalidInputException("updatedAt " + updatedAt + " is before createdAt " + createdAt);
        }
        Require.nonNull(resolvedAt, "resolvedAt");
        if (version < 1) {
            throw new InvalidInputException("version must be at least 1, was " + version);
        }
    }

    /** A new open conversation in the bot phase, version 1. */
    public static Conversation open(TenantId tenant, ConversationId id, CustomerId customer, Channel channel,
                                    ExternalId replyTo, Instant now) {
        return new Conversation(tenant, id, customer, ConversationStatus.OPEN, Phase.BOT, channel, replyTo,
                Optional.empty(), Priority.NORMAL, Set.of(), Optional.empty(), List.of(), 0, 0, now, now,
                Optional.empty(), 1);
    }

    /** This snapshot at the following version; stores call it when they accept an update. */
    public Conversation nextVersion() {
        return new Conversation(tenant, id, customer, status, phase, channel, replyTo, language, priority, tags,
                assignee, assignments, transferCount, reopenCount, createdAt, updatedAt, resolvedAt, version + 1);
    }

    /** The agent who held it last, current or not: the candidate for sticky routing. */
    public Optional<AgentId> lastAgent() {
        return assignments.isEmpty() ? Optional.empty() : Optional.of(assignments.get(assignments.size() - 1).agent());
    }

    public Conversation withStatus(ConversationStatus next, Instant now) {
        Optional<Instant> resolved = next == ConversationStatus.RESOLVED ? Optional.of(now)
                : next == ConversationStatus.CLOSED ? resolvedAt : Optional.empty();
        return new Conversation(tenant, id, customer, next, phase, channel, replyTo, language, priority, tags,
                assignee, assignments, transferCount, reopenCount, createdAt, now, resolved, version);
    }

    /** Reopened by a customer message or an agent: open again, no longer resolved, counted. */
    public Conversation reopened(Instant now) {
        return new Conversation(tenant, id, customer, ConversationStatus.OPEN, phase, channel, replyTo, language,
                priority, tags, assignee, assignments, transferCount, reopenCount + 1, createdAt, now, Optional.empty(),
                version);
    }

    /** The customer wrote on {@code via}: replies now go there. */
    public Conversation touchedBy(ExternalId via, Instant now) {
        return new Conversation(tenant, id, customer, status, phase, via.channel(), via, language, priority, tags,
                assignee, assignments, transferCount, reopenCount, createdAt, now, resolvedAt, version);
    }

    /** {@code agent} takes it over: a new assignment, the human phase. */
    public Conversation assignedTo(AgentId agent, Assignment.How how, Instant now) {
        List<Assignment> history = endCurrentAssignment(now);
        history.add(Assignment.starting(agent, now, how));
        int transfers = how == Assignment.How.TRANSFERRED ? transferCount + 1 : transferCount;
        return new Conversation(tenant, id, customer, status, Phase.HUMAN, channel, replyTo, language, priority, tags,
                Optional.of(agent), history, transfers, reopenCount, createdAt, now, resolvedAt, version);
    }

    /** Nobody holds it any more (it was resolved or handed back to the bot); history is kept. */
    public Conversation unassigned(Instant now) {
        return new Conversation(tenant, id, customer, status, Phase.BOT, channel, replyTo, language, priority, tags,
                Optional.empty(), endCurrentAssignment(now), transferCount, reopenCount, createdAt, now, resolvedAt,
                version);
    }

    public Conversation withPriority(Priority next, Instant now) {
        return new Conversation(tenant, id, customer, status, phase, channel, replyTo, language,
                Require.nonNull(next, "priority"), tags, assignee, assignments, transferCount, reopenCount, createdAt,
                now, resolvedAt, version);
    }

    public Conversation withLanguage(String languageTag, Instant now) {
        return new Conversation(tenant, id, customer, status, phase, channel, replyTo, Optional.of(languageTag),
                priority, tags, assignee, assignments, transferCount, reopenCount, createdAt, now, resolvedAt,
                version);
    }

    public Conversation withTags(Set<String> next, Instant now) {
        return new Conversation(tenant, id, customer, status, phase, channel, replyTo, language, priority, next,
                assignee, assignments, transferCount, reopenCount, createdAt, now, resolvedAt, version);
    }

    private List<Assignment> endCurrentAssignment(Instant now) {
        List<Assignment> history = new ArrayList<>(assignments);
        int last = history.size() - 1;
        if (last >= 0 && history.get(last).isCurrent()) {
            history.set(last, history.get(last).endedAt(now));
        }
        return history;
    }
}
