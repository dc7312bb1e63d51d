package io.supportkit.core.timer;

import io.supportkit.ConfigurationException;
import io.supportkit.InvalidInputException;
import io.supportkit.StorageException;
import io.supportkit.core.timer.spi.TimerHandler;
import io.supportkit.core.timer.spi.TimerRecord;
import io.supportkit.core.timer.spi.TimerStore;
import io.supportkit.internal.Require;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Timers that survive a restart: each is saved to a {@link TimerStore} before it is armed on the
 * {@link TimerWheel}, deleted after its {@link TimerHandler} returns, and re-armed by {@link #recover()} at start-up
 * (overdue ones fire at the next advance). Delivery is at least once; a failing handler is retried with exponential
 * backoff from {@code retryDelay} up to one hour.
 *
 * <p>Thread-safe. Operations on the same id are serialised; handlers run outside any lock, on the wheel's thread.
 *
 * <pre>{@code
 * DurableTimers timers = DurableTimers.builder()
 *         .wheel(wheel)
 *         .store(TimerStore.inMemory())
 *         .handler("survey", t -> surveys.send(t.payload()))
 *         .build();
 * timers.recover();
 * timers.schedule("survey:conv-42", "survey", "conv-42", closedAt.plus(Duration.ofHours(1)));
 * }</pre>
 */
public final class DurableTimers {
    private static final Logger LOG = LoggerFactory.getLogger(DurableTimers.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final TimerWheel wheel;
    private final TimerStore store;
    private final Map<String, TimerHandler> handlers;
    private final Duration retryDelay;
    private final ConcurrentHashMap<String, Armed> armed = new ConcurrentHashMap<>();
    private final Object[] stripes = new Object[64];

    /** A stored timer and the id of its wheel timer. */
    private record Armed(TimerRecord record, long timerId) {
    }

    private DurableTimers(Builder b) {
        this.wheel = b.wheel;
        this.store = b.store;
        this.handlers = Map.copyOf(b.handlers);
        this.retryDelay = b.retryDelay;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Saves and arms a timer; an existing timer with the same id is replaced. */
    public void schedule(String id, String kind, String payload, Instant deadline) {
        TimerRecord record = new TimerRecord(id, kind, payload, deadline, 0);
        if (!handlers.containsKey(kind)) {
            throw new InvalidInputException("no handler registered for kind '" + kind + "', known: " + handlers.keySet());
        }
        arm(record, true);
    }

    /**
     * Cancels and deletes a timer; true if one was pending. An id no timer could have (blank, too long, control
     * characters, malformed Unicode: see {@link TimerRecord}) is an {@code InvalidInputException}.
     */
    public boolean cancel(String id) {
        Require.id(id, "id");
        synchronized (stripe(id)) {
            Armed a = armed.remove(id);
            if (a != null) {
                wheel.discardTimer(a.timerId());
            }
            return store.delete(id) || a != null;
        }
    }

    /** True while a timer with this id is armed; ids are checked as {@link #cancel} checks them. */
    public boolean isScheduled(String id) {
        return armed.containsKey(Require.id(id, "id"));
    }

    /** Number of armed timers. */
    public int size() {
        return armed.size();
    }

    /**
     * Loads every stored timer and arms it; call once at start-up, before the wheel is advanced. Records of a kind
     * with no handler are kept in the store and reported in the log. Returns how many were armed. A store that
     * answers with null, or with a null record, breaks its contract: that is a {@link StorageException}, and
     * nothing is armed.
     */
    public int recover() {
        List<TimerRecord> all = store.loadAll();
        // checked in full before arming any, so that a broken answer arms nothing rather than a part
        if (all == null) {
            throw new StorageException("the timer store's loadAll() returned null instead of a list");
        }
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == null) {
                throw new StorageException("the timer store's loadAll() returned a null record at index " + i);
            }
        }
        int n = 0;
        for (TimerRecord r : all) {
            if (!handlers.containsKey(r.kind())) {
                LOG.warn("durable timer {} has kind '{}' with no handler; left in the store", r.id(), r.kind());
                continue;
            }
            arm(r, false);
            n++;
        }
        return n;
    }

    private void arm(TimerRecord record, boolean save) {
        synchronized (stripe(record.id())) {
            if (save) {
                store.save(record);
            }
            Armed old = armed.get(record.id());
            if (old != null) {
                wheel.discardTimer(old.timerId());
            }
            Armed[] self = new Armed[1];
            // the holder is filled before the stripe lock is released, and fire() reads it under that lock
            long timerId = wheel.scheduleTimer(record.deadline(), () -> fire(record.id(), self));
            self[0] = new Armed(record, timerId);
            armed.put(record.id(), self[0]);
        }
    }

    private void fire(String id, Armed[] holder) {
        Armed a;
        synchronized (stripe(id)) {
            a = holder[0];
            if (armed.get(id) != a) {
                return; // replaced or cancelled after this timer was taken off the wheel
            }
        }
        TimerRecord r = a.record();
        try {
            handlers.get(r.kind()).onTimer(r);
        } catch (RuntimeException e) {
            Duration backoff = backoff(r.attempts());
            // a count restored from a store may already be at the top: it stays there rather than overflow
            int attempts = r.attempts() == Integer.MAX_VALUE ? Integer.MAX_VALUE : r.attempts() + 1;
            LOG.error("durable timer {} of kind '{}' failed (attempt {}); retrying in {}", id, r.kind(),
                    attempts, backoff, e);
            synchronized (stripe(id)) {
                if (armed.get(id) == a) {
                    arm(new TimerRecord(id, r.kind(), r.payload(), wheel.clock().instant().plus(backoff),
                            attempts), true);
                }
            }
            return;
        }
        synchronized (stripe(id)) {
            if (armed.remove(id, a)) {
                store.delete(id);
            }
        }
    }

    private Duration backoff(int attempts) {
        Duration d = retryDelay;
        for (int i = 0; i < attempts && d.compareTo(MAX_BACKOFF) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private Object stripe(String id) {
        return stripes[(id.hashCode() & 0x7fffffff) % stripes.length];
    }

    /** Configures {@link DurableTimers}. Not thread-safe. Defaults: in-memory store, retry delay 30 s. */
    public static final class Builder {
        private TimerWheel wheel;
        private TimerStore store = TimerStore.inMemory();
        private final Map<String, TimerHandler> handlers = new HashMap<>();
        private Duration retryDelay = Duration.ofSeconds(30);

        private Builder() {
        }

        public Builder wheel(TimerWheel wheel) {
            this.wheel = Require.nonNull(wheel, "wheel");
            return this;
        }

        public Builder store(TimerStore store) {
            this.store = Require.nonNull(store, "store");
            return this;
        }

        /** Registers the handler for one kind of timer; each kind once. */
        public Builder handler(String kind, TimerHandler handler) {
            Require.id(kind, "kind");
            Require.nonNull(handler, "handler");
            if (handlers.putIfAbsent(kind, handler) != null) {
                throw new ConfigurationException("handler for kind '" + kind + "' registered twice");
            }
            return this;
        }

        /** First delay before retrying a failed handler; doubles per attempt up to one hour. */
        public Builder retryDelay(Duration retryDelay) {
            Require.nonNull(retryDelay, "retryDelay");
            if (retryDelay.isNegative() || retryDelay.isZero()) {
                throw new ConfigurationException("retryDelay must be positive, was " + retryDelay);
            }
            this.retryDelay = retryDelay;
            return this;
        }

        public DurableTimers build() {
            if (wheel == null) {
                throw new ConfigurationException("wheel is required");
            }
            if (handlers.isEmpty()) {
                throw new ConfigurationException("at least one handler is required");
            }
            return new DurableTimers(this);
        }
    }
}
