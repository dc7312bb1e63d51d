package io.supportkit.core.timer.spi;

import io.supportkit.core.timer.internal.InMemoryTimerStore;

import java.util.List;

/**
 * Keeps durable timers across restarts. The in-memory store ({@link #inMemory()}) is the default; a store backed
 * by the host's database (a table keyed by the record's id) implements these three methods, and so will the JDBC
 * storage module.
 *
 * <p>Threading: methods may be called from any thread, concurrently, and may block on I/O; an implementation must
 * be thread-safe. Failures are thrown as {@link io.supportkit.StorageException}.
 *
 * <pre>{@code
 * DurableTimers timers = DurableTimers.builder().wheel(wheel).store(TimerStore.inMemory())
 *         .handler("survey", t -> surveys.send(t.payload())).build();
 * }</pre>
 */
public interface TimerStore {
    /** Inserts the record, or replaces the one with the same id. */
    void save(TimerRecord record);

    /** Deletes the record with this id; true if there was one. */
    boolean delete(String id);

    /** Every stored record, in any order; called once at start-up to re-arm them. */
    List<TimerRecord> loadAll();

    /** A thread-safe store that keeps records in memory only (lost on restart). */
    static TimerStore inMemory() {
        return new InMemoryTimerStore();
    }
}
