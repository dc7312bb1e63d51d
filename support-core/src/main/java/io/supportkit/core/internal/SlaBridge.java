package io.supportkit.core.internal;

import io.supportkit.SupportException;
import io.supportkit.core.event.AgentJoined;
import io.supportkit.core.event.AgentReplied;
import io.supportkit.core.event.AutoReplySent;
import io.supportkit.core.event.ConversationEvent;
import io.supportkit.core.event.ConversationResolved;
import io.supportkit.core.event.ConversationStarted;
import io.supportkit.core.event.ConversationTransferred;
import io.supportkit.core.event.CustomerErased;
import io.supportkit.core.event.MessageReceived;
import io.supportkit.core.event.NoteAdded;
import io.supportkit.core.event.PriorityChanged;
import io.supportkit.core.event.RerouteRequested;
import io.supportkit.core.event.ReturnedToQueue;
import io.supportkit.core.event.SlaUpdate;
import io.supportkit.core.event.SupervisorNotified;
import io.supportkit.core.event.SupportEvent;
import io.supportkit.core.sla.SlaEvent;
import io.supportkit.core.sla.SlaInput;
import io.supportkit.core.sla.SlaPolicies;
import io.supportkit.core.sla.SlaSnapshot;
import io.supportkit.core.sla.SlaStatus;
import io.supportkit.core.sla.SlaSubject;
import io.supportkit.core.sla.SlaTracker;
import io.supportkit.core.sla.spi.EscalationHandler;
import io.supportkit.core.sla.spi.SlaListener;
import io.supportkit.core.spi.SupportEventListener;
import io.supportkit.core.timer.TimerWheel;
import io.supportkit.storage.AgentId;
import io.supportkit.storage.Conversation;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.Priority;
import io.supportkit.storage.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives the SLA clocks from the engine's own event stream, and carries SLA escalations back into the engine.
 *
 * <p>Feeding the tracker from events (rather than from each step) keeps one source of truth: whatever a host
 * can observe is exactly what the clocks measured. Events of a conversation arrive under its customer lock,
 * in order, which is the ordering the tracker requires per subject.
 */
public final class SlaBridge implements SupportEventListener, SlaListener, EscalationHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SlaBridge.class);

    /** What the bridge remembers of a tracked conversation. */
    private static final class Tracked {
        final TenantId tenant;
        final ConversationId conversation;
        volatile SlaStatus status = SlaStatus.NEW;

        Tracked(TenantId tenant, ConversationId conversation) {
            this.tenant = tenant;
            this.conversation = conversation;
        }
    }

    private final SlaTracker tracker;
    private final TimerWheel wheel;
    /**
     * The latest instant fed to the tracker. Inputs are fed at the latest of their event's time, this and the
     * wheel's time, so that a host clock stepping back neither makes the tracker refuse a conversation's inputs as
     * older than its last one (a reply would be lost to the clocks) nor sets deadlines before the wheel's time,
     * which would fire at once. Time as the clocks see it then stands still until the host clock catches up.
     */
    private final AtomicReference<Instant> latestFed = new AtomicReference<>(Instant.MIN);
    /** Keyed by conversation id: ids come from the engine's generator, which never repeats one. */
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
    private volatile ConversationLifecycle lifecycle;

    public SlaBridge(SlaPolicies policies, TimerWheel wheel) {
        this.tracker = SlaTracker.builder().policies(policies).timers(wheel).listener(this).escalations(this).build();
        this.wheel = wheel;
    }

    public void connect(ConversationLifecycle target) {
        this.lifecycle = target;
    }

    Optional<SlaSnapshot> snapshot(Conversation c) {
        Tracked t = tracked.get(c.id().value());
        return t != null && t.tenant.equals(c.tenant()) ? tracker.snapshot(c.id().value()) : Optional.empty();
    }

    // ---- engine events in ------------------------------------------------------------------------------

    @Override
    public void onEvent(SupportEvent event) {
        if (event instanceof CustomerErased erased) {
            // nothing of an erased customer may linger, not even a running clock
            erased.conversations().forEach(id -> {
                Tracked t = tracked.get(id.value());
                if (t != null && t.tenant.equals(erased.tenant())) {
                    tracked.remove(id.value());
                    tracker.forget(id.value());
                }
            });
            return;
        }
        if (!(event instanceof ConversationEvent ce)) {
            return;
        }
        Conversation c = ce.conversation();
        String id = c.id().value();
        if (event instanceof ConversationStarted) {
            tracked.put(id, new Tracked(c.tenant(), c.id()));
            if (!feed(SlaInput.created(subjectOf(c), monotonic(event.at())))) {
                tracked.remove(id); // not tracked by the clocks: the bridge must not route their events to it
            }
            return;
        }
        Tracked t = tracked.get(id);
        if (t == null || !t.tenant.equals(c.tenant())) {
            return; // started before the SLA clocks were attached, or already closed
        }
        Instant at = monotonic(event.at());
        SlaStatus status = statusOf(c);
        if (status != t.status) {
            t.status = status;
            feed(SlaInput.statusChanged(id, status, at));
            if (status == SlaStatus.CLOSED) {
                tracked.remove(id);
                // a refused CLOSED input (an instant past the supported range) must not leave the subject and
                // its timers behind for good
                tracker.forget(id);
                return;
            }
        }
        if (event instanceof MessageReceived) {
            feed(SlaInput.customerMessage(id, at));
        } else if (event instanceof AutoReplySent) {
            feed(SlaInput.botReply(id, at));
        } else if (event instanceof AgentJoined joined) {
            feed(SlaInput.assigned(id, joined.agent().value(), at));
        } else if (event instanceof AgentReplied replied) {
            feed(SlaInput.agentReply(id, replied.message().authorId(), at));
        } else if (event instanceof NoteAdded note) {
            feed(SlaInput.internalNote(id, note.message().authorId(), at));
        } else if (event instanceof ConversationTransferred transferred) {
            feed(SlaInput.assigned(id, transferred.to().value(), at));
        } else if (event instanceof ConversationResolved || event instanceof ReturnedToQueue) {
            feed(SlaInput.unassigned(id, at));
        } else if (event instanceof PriorityChanged) {
            feed(SlaInput.updated(subjectOf(c), at));
        }
    }

    /** True if the tracker took the input. */
    private boolean feed(SlaInput input) {
        try {
            tracker.on(input);
            return true;
        } catch (SupportException e) {
            // The step is already stored; an SLA bookkeeping problem (an instant outside the clocks' supported
            // range) must not undo it.
            LOG.warn("SLA tracker refused {}: {}", input, e.getMessage());
            return false;
        }
    }

    /** The instant to feed for an event at {@code at}: see {@link #latestFed}. */
    private Instant monotonic(Instant at) {
        Instant wheelTime = wheel.time();
        Instant floor = at.isBefore(wheelTime) ? wheelTime : at;
        return latestFed.accumulateAndGet(floor, (a, b) -> a.isAfter(b) ? a : b);
    }

    static SlaSubject subjectOf(Conversation c) {
        return SlaSubject.builder(c.id().value(), c.priority())
                .tenant(c.tenant().value())
                .channel(c.channel().name().toLowerCase(Locale.ROOT))
                .tags(c.tags())
                .build();
    }

    /** A conversation no agent has touched yet is NEW in SLA terms (Zendesk's and Zammad's meaning). */
    static SlaStatus statusOf(Conversation c) {
        return switch (c.status()) {
            case OPEN -> c.assignments().isEmpty() ? SlaStatus.NEW : SlaStatus.OPEN;
            case PENDING -> SlaStatus.PENDING;
            case RESOLVED -> SlaStatus.SOLVED;
            case CLOSED -> SlaStatus.CLOSED;
        };
    }

    // ---- SLA events and escalations out ----------------------------------------------------------------

    @Override
    public void onEvent(SlaEvent event) {
        Tracked t = tracked.get(event.subjectId());
        if (t != null && lifecycle != null) {
            lifecycle.publish(List.of(new SlaUpdate(t.tenant, t.conversation, event, event.at())));
        }
    }

    @Override
    public void raisePriority(String subjectId, Priority from, Priority to, SlaEvent cause) {
        Tracked t = tracked.get(subjectId);
        if (t != null) {
            lifecycle.changePriority(t.tenant, t.conversation, to, "SLA " + describe(cause));
        }
    }

    @Override
    public void reroute(String subjectId, String queue, SlaEvent cause) {
        Tracked t = tracked.get(subjectId);
        if (t != null) {
            Conversation c = lifecycle.get(t.tenant, t.conversation);
            lifecycle.publish(List.of(new RerouteRequested(c, queue, cause, cause.at())));
        }
    }

    @Override
    public void notifySupervisor(String subjectId, String supervisorId, SlaEvent cause) {
        Tracked t = tracked.get(subjectId);
        if (t != null) {
            Conversation c = lifecycle.get(t.tenant, t.conversation);
            lifecycle.publish(List.of(new SupervisorNotified(c, supervisorId, cause, cause.at())));
        }
    }

    @Override
    public void returnToRouting(String subjectId, String agentId, Duration waited) {
        Tracked t = tracked.get(subjectId);
        if (t != null) {
            lifecycle.returnToQueue(t.tenant, t.conversation, AgentId.of(agentId), waited);
        }
    }

    private static String describe(SlaEvent cause) {
        String kind = cause.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        return cause instanceof SlaEvent.MetricEvent m ? kind + " of " + m.metric() : kind;
    }
}
