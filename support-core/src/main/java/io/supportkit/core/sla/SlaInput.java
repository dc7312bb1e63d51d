package io.supportkit.core.sla;

import io.supportkit.storage.Priority;
import io.supportkit.internal.Require;

import java.time.Instant;

/**
 * One thing that happened to a ticket or conversation, fed to {@link SlaTracker#on(SlaInput)} by the engine in the
 * order it happened. Each input carries its own time, which must be the engine clock's time (the same
 * {@code InstantSource} that drives the {@link io.supportkit.core.timer.TimerWheel}) and must not go backwards for
 * one subject.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * tracker.on(SlaInput.created(subject, clock.instant()));
 * tracker.on(SlaInput.customerMessage("conv-42", clock.instant()));
 * tracker.on(SlaInput.agentReply("conv-42", "agent-7", clock.instant()));
 * tracker.on(SlaInput.statusChanged("conv-42", SlaStatus.PENDING, clock.instant()));
 * }</pre>
 */
public sealed interface SlaInput {
    /** The subject this input is about. */
    String subjectId();

    /** When it happened. */
    Instant at();

    static SlaInput created(SlaSubject subject, Instant at) {
        return new Created(subject, at);
    }

    static SlaInput updated(SlaSubject subject, Instant at) {
        return new Updated(subject, at);
    }

    static SlaInput statusChanged(String subjectId, SlaStatus status, Instant at) {
        return new StatusChanged(subjectId, status, at);
    }

    static SlaInput customerMessage(String subjectId, Instant at) {
        return new CustomerMessage(subjectId, at);
    }

    static SlaInput agentReply(String subjectId, String agentId, Instant at) {
        return new AgentReply(subjectId, agentId, at);
    }

    static SlaInput botReply(String subjectId, Instant at) {
        return new BotReply(subjectId, at);
    }

    static SlaInput internalNote(String subjectId, String agentId, Instant at) {
        return new InternalNote(subjectId, agentId, at);
    }

    static SlaInput assigned(String subjectId, String agentId, Instant at) {
        return new Assigned(subjectId, agentId, at);
    }

    static SlaInput unassigned(String subjectId, Instant at) {
        return new Assigned(subjectId, null, at);
    }

    /** A ticket or conversation was created (status NEW) from a customer's request; the policy is chosen now. */
    record Created(SlaSubject subject, Instant at) implements SlaInput {
        public Created {
            Require.nonNull(subject, "subject");
            Require.nonNull(at, "at");
        }

        @Override
        public String subjectId() {
            return subject.id();
        }
    }

    /** Priority, tags, channel or another policy attribute changed; the policy is matched again. */
    record Updated(SlaSubject subject, Instant at) implements SlaInput {
        public Updated {
            Require.nonNull(subject, "subject");
            Require.nonNull(at, "at");
        }

        @Override
        public String subjectId() {
            return subject.id();
        }
    }

    /** The status changed; clocks pause, resume or stop accordingly. */
    record StatusChanged(String subjectId, SlaStatus status, Instant at) implements SlaInput {
        public StatusChanged {
            Require.id(subjectId, "subjectId");
            Require.nonNull(status, "status");
            Require.nonNull(at, "at");
        }
    }

    /** A public message from the customer. */
    record CustomerMessage(String subjectId, Instant at) implements SlaInput {
        public CustomerMessage {
            Require.id(subjectId, "subjectId");
            Require.nonNull(at, "at");
        }
    }

    /** A public reply by a human agent: the response that response and update metrics wait for. */
    record AgentReply(String subjectId, String agentId, Instant at) implements SlaInput {
        public AgentReply {
            Require.id(subjectId, "subjectId");
            Require.id(agentId, "agentId");
            Require.nonNull(at, "at");
        }
    }

    /** A reply by the bot; a response only if the policy says {@link SlaPolicy.Builder#countBotReplies}. */
    record BotReply(String subjectId, Instant at) implements SlaInput {
        public BotReply {
            Require.id(subjectId, "subjectId");
            Require.nonNull(at, "at");
        }
    }

    /** An internal note; a response only if the policy says {@link SlaPolicy.Builder#countInternalNotes}. */
    record InternalNote(String subjectId, String agentId, Instant at) implements SlaInput {
        public InternalNote {
            Require.id(subjectId, "subjectId");
            Require.id(agentId, "agentId");
            Require.nonNull(at, "at");
        }
    }

    /** The subject was assigned to an agent ({@code agentId} null: unassigned, back in the queue). */
    record Assigned(String subjectId, String agentId, Instant at) implements SlaInput {
        public Assigned {
            Require.id(subjectId, "subjectId");
            if (agentId != null) {
                Require.id(agentId, "agentId");
            }
            Require.nonNull(at, "at");
        }
    }
}
