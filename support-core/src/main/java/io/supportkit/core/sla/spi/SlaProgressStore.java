package io.supportkit.core.sla.spi;

import io.supportkit.core.sla.internal.InMemorySlaProgressStore;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers, per subject, up to which instant its SLA events have been reported, so that a tracker rebuilt after a
 * restart ({@link io.supportkit.core.sla.SlaTracker#restore}) reports each event exactly once: events at or before
 * the mark were reported by the process that stopped; later ones, such as a breach that fell due while no process
 * ran, are reported by the new one.
 *
 * <p>The tracker saves the mark after its listeners and escalations ran, so a crash in between makes the events of
 * that moment reported again after the restart (at least once), never lost. The in-memory store ({@link #inMemory()})
 * serves tests and single-process hosts; the JDBC storage module can keep the marks in a table next to the durable
 * timers.
 *
 * <p>Threading: methods may be called from any thread, concurrently, and may block on I/O; an implementation must
 * be thread-safe. Failures are thrown as {@link io.supportkit.StorageException}.
 *
 * <pre>{@code
 * SlaProgressStore progress = SlaProgressStore.inMemory();
 * SlaTracker tracker = SlaTracker.builder().policies(policies).timers(wheel).progress(progress).build();
 * }</pre>
 */
public interface SlaProgressStore {
    /**
     * Records that every event of the subject at or before {@code reportedThrough} has been reported; a store
     * keeps the later of this and the instant already stored (two threads may save out of order).
     */
    void save(String subjectId, Instant reportedThrough);

    /** The stored mark, or empty if none was saved (or it was deleted). */
    Optional<Instant> reportedThrough(String subjectId);

    /** Forgets the subject's mark; called when the tracker stops tracking it. */
    void delete(String subjectId);

    /** A thread-safe store that keeps marks in memory only (they survive a new tracker, not a new process). */
    static SlaProgressStore inMemory() {
        return new InMemorySlaProgressStore();
    }
}
