package io.supportkit.routing;

import io.supportkit.time.VirtualClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared helpers: a virtual clock, an event recorder and short agent/task builders. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-08-05T09:00:00Z");

    private Fixtures() {
    }

    static VirtualClock clock() {
        return VirtualClock.at(T0);
    }

    static AgentProfile agent(String id, String lang, String skill, int level, int chatCapacity) {
        return AgentProfile.builder(id).languages(lang).skill(skill, level).capacity("chat", chatCapacity).build();
    }

    static Task chat(String id, String lang, String skill, int minLevel) {
        return Task.builder(id, "chat").language(lang).requireSkill(skill, minLevel).build();
    }

    static void available(Router router, String... ids) {
        for (String id : ids) {
            router.setPresence(id, Presence.AVAILABLE);
        }
    }

    static void tick(VirtualClock clock, Router router, Duration step) {
        clock.advance(step);
        router.tick();
    }

    /** Records events in order; thread-safe. */
    static final class Recorder implements io.supportkit.routing.spi.RoutingListener {
        final List<RoutingEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(RoutingEvent event) {
            events.add(event);
        }

        <E extends RoutingEvent> List<E> of(Class<E> type) {
            List<E> out = new ArrayList<>();
            for (RoutingEvent e : events) {
                if (type.isInstance(e)) {
                    out.add(type.cast(e));
                }
            }
            return out;
        }
    }
}
