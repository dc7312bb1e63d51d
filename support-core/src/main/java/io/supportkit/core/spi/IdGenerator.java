package io.supportkit.core.spi;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the ids of the customers, conversations and messages the engine creates. The engine prefixes them
 * by kind ({@code cus_}, {@code conv_}, {@code msg_}). Must be thread-safe and never repeat a value;
 * at most 120 characters.
 *
 * <pre>{@code SupportEngine.builder().idGenerator(IdGenerator.sequential())}</pre>
 */
@FunctionalInterface
public interface IdGenerator {
    String next();

    /** Random UUIDs: the default, safe across nodes. */
    static IdGenerator randomUuid() {
        return () -> UUID.randomUUID().toString();
    }

    /** 1, 2, 3...: readable and deterministic for tests and examples; unique only within one process. */
    static IdGenerator sequential() {
        AtomicLong counter = new AtomicLong();
        return () -> Long.toString(counter.incrementAndGet());
    }
}
