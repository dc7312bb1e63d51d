package io.supportkit.core.sla.internal;

import io.supportkit.core.sla.spi.SlaProgressStore;
import io.supportkit.internal.Require;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The default {@link SlaProgressStore}: a concurrent map that keeps the later mark. Thread-safe. Internal. */
public final class InMemorySlaProgressStore implements SlaProgressStore {
    private final ConcurrentHashMap<String, Instant> marks = new ConcurrentHashMap<>();

    @Override
    public void save(String subjectId, Instant reportedThrough) {
        Require.nonNull(subjectId, "subjectId");
        Require.nonNull(reportedThrough, "reportedThrough");
        marks.merge(subjectId, reportedThrough, (old, now) -> now.isAfter(old) ? now : old);
    }

    @Override
    public Optional<Instant> reportedThrough(String subjectId) {
        return Optional.ofNullable(marks.get(Require.nonNull(subjectId, "subjectId")));
    }

    @Override
    public void delete(String subjectId) {
        marks.remove(Require.nonNull(subjectId, "subjectId"));
    }
}
