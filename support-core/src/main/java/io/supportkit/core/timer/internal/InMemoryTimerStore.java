package io.supportkit.core.timer.internal;

import io.supportkit.core.timer.spi.TimerRecord;
import io.supportkit.core.timer.spi.TimerStore;
import io.supportkit.internal.Require;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The default {@link TimerStore}: a concurrent map, lost on restart. Thread-safe. Internal. */
public final class InMemoryTimerStore implements TimerStore {
    private final ConcurrentHashMap<String, TimerRecord> records = new ConcurrentHashMap<>();

    @Override
    public void save(TimerRecord record) {
        Require.nonNull(record, "record");
        records.put(record.id(), record);
    }

    @Override
    public boolean delete(String id) {
        return records.remove(Require.nonNull(id, "id")) != null;
    }

    @Override
    public List<TimerRecord> loadAll() {
        return List.copyOf(records.values());
    }
}
