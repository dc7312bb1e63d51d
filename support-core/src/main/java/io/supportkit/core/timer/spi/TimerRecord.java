package io.supportkit.core.timer.spi;

import io.supportkit.InvalidInputException;
import io.supportkit.internal.Require;

import java.time.Instant;

/**
 * A durable timer as a store keeps it: what to do ({@code kind} plus an opaque {@code payload}) and when.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * new TimerRecord("survey:conv-42", "survey", "conv-42", Instant.parse("2026-08-06T09:00:00Z"), 0);
 * }</pre>
 *
 * @param id unique key; scheduling the same id again replaces the timer
 * @param kind selects the {@link TimerHandler} that runs it
 * @param payload handler-specific data (for example a conversation id), at most 4,096 characters
 * @param deadline when it is due
 * @param attempts how many times a handler already failed on it
 */
public record TimerRecord(String id, String kind, String payload, Instant deadline, int attempts) {
    public static final int MAX_PAYLOAD = 4096;

    public TimerRecord {
        Require.id(id, "id");
        Require.id(kind, "kind");
        Require.text(payload, "payload", MAX_PAYLOAD);
        Require.nonNull(deadline, "deadline");
        if (attempts < 0) {
            throw new InvalidInputException("attempts must not be negative, was " + attempts);
        }
    }
}
