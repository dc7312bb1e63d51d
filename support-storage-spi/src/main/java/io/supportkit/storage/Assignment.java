package io.supportkit.storage;

import io.supportkit.InvalidInputException;
import io.supportkit.internal.Require;

import java.time.Instant;
import java.util.Optional;

/**
 * One stretch of a conversation in an agent's hands, kept forever in the conversation's history so that
 * every later agent sees who worked on it (R2) and transfers can be counted (R4).
 *
 * @param agent who held it
 * @param from  when they got it
 * @param until when they gave it up (transfer or resolve); empty while they still hold it
 * @param how   how the stretch began
 */
public record Assignment(AgentId agent, Instant from, Optional<Instant> until, How how) {
    /** How an agent came to hold the conversation. */
    public enum How {
        JOINED,
        TRANSFERRED
    }

    public Assignment {
        Require.nonNull(agent, "agent");
        Require.nonNull(from, "from");
        Require.nonNull(until, "until");
        Require.nonNull(how, "how");
        if (until.isPresent() && until.get().isBefore(from)) {
            throw new InvalidInputException("assignment of " + agent + " ends (" + until.get()
                    + ") before it starts (" + from + ")");
        }
    }

    public static Assignment starting(AgentId agent, Instant from, How how) {
        return new Assignment(agent, from, Optional.empty(), how);
    }

    public Assignment endedAt(Instant at) {
        return new Assignment(agent, from, Optional.of(at), how);
    }

    public boolean isCurrent() {
        return until.isEmpty();
    }
}
