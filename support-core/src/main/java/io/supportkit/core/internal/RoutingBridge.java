package io.supportkit.core.internal;

import io.supportkit.NotFoundException;
import io.supportkit.SupportException;
import io.supportkit.core.event.AgentJoined;
import io.supportkit.core.event.ConversationClosed;
import io.supportkit.core.event.ConversationEvent;
import io.supportkit.core.event.ConversationReopened;
import io.supportkit.core.event.ConversationResolved;
import io.supportkit.core.event.ConversationStarted;
import io.supportkit.core.event.ConversationTransferred;
import io.supportkit.core.event.CustomerErased;
import io.supportkit.core.event.RerouteRequested;
import io.supportkit.core.event.ReturnedToQueue;
import io.supportkit.core.event.RoutingUpdate;
import io.supportkit.core.event.SupportEvent;
import io.supportkit.core.spi.SupportEventListener;
import io.supportkit.routing.Router;
import io.supportkit.routing.RoutingEvent;
import io.supportkit.routing.Task;
import io.supportkit.routing.TaskPhase;
import io.supportkit.routing.TaskStatus;
import io.supportkit.routing.TransferTarget;
import io.supportkit.routing.spi.RoutingListener;
import io.supportkit.storage.AgentId;
import io.supportkit.storage.Channel;
import io.supportkit.storage.Conversation;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connects the engine to a {@link Router}: conversations that need a person become routing tasks, the router's
 * assignments become agents joining, and the end of the work frees the agent's capacity.
 *
 * <p>Router callbacks that change a conversation run only when the calling thread holds no customer lock
 * ({@link ConversationLifecycle#outsideLocks}), because freeing one agent's capacity can assign a different
 * customer's conversation, and taking that customer's lock while holding another would risk a deadlock.
 */
public final class RoutingBridge implements SupportEventListener, RoutingListener {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingBridge.class);

    private record Owner(TenantId tenant, ConversationId conversation) {
    }

    private Router router;
    private volatile ConversationLifecycle lifecycle;
    /** Task id (the conversation id, which the engine never repeats) to its conversation. */
    private final Map<String, Owner> owners = new ConcurrentHashMap<>();

    public void connect(Router target, ConversationLifecycle engine) {
        this.router = target;
        this.lifecycle = engine;
    }

    /** The routing channel name of a conversation channel: agents' capacities are set per these names. */
    public static String channelName(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }

    // ---- engine events in ------------------------------------------------------------------------------

    @Override
    public void onEvent(SupportEvent event) {
        if (event instanceof CustomerErased erased) {
            // their waiting or assigned tasks must not hold a queue place or an agent's capacity
            erased.conversations().forEach(id -> {
                try {
                    finish(id.value());
                } catch (SupportException e) {
                    LOG.warn("could not withdraw the routing task of erased conversation {}: {}", id, e.getMessage());
                }
            });
            return;
        }
        if (!(event instanceof ConversationEvent ce)) {
            return;
        }
        Conversation c = ce.conversation();
        String taskId = c.id().value();
        try {
            if (event instanceof ReturnedToQueue) {
                // back to its queue, and not to the agent who let the customer wait
                Optional<TaskStatus> task = router.task(taskId);
                if (task.isPresent() && task.get().phase() == TaskPhase.ASSIGNED) {
                    try {
                        router.transfer(taskId, new TransferTarget.ToQueue(task.get().queueId()));
                    } catch (SupportException e) {
                        router.release(taskId);
                        submit(c);
                    }
                } else {
                    submit(c);
                }
            } else if (event instanceof ConversationStarted
                    || event instanceof ConversationReopened && c.assignee().isEmpty()) {
                submit(c);
            } else if (event instanceof AgentJoined joined) {
                // an agent took it by hand: it no longer waits in a queue, nor holds another agent's capacity
                Optional<TaskStatus> task = router.task(taskId);
                if (task.isPresent() && task.get().phase() != TaskPhase.ASSIGNED) {
                    router.cancel(taskId);
                } else if (task.isPresent() && !joined.agent().value().equals(task.get().agentId())) {
                    router.release(taskId);
                }
            } else if (event instanceof ConversationTransferred transferred) {
                if (phase(taskId).filter(p -> p == TaskPhase.ASSIGNED).isPresent()) {
                    transferOrRelease(taskId, new TransferTarget.ToAgent(transferred.to().value()));
                }
            } else if (event instanceof RerouteRequested reroute) {
                if (phase(taskId).filter(p -> p == TaskPhase.ASSIGNED).isPresent()) {
                    transferOrRelease(taskId, new TransferTarget.ToQueue(reroute.queue()));
                }
            } else if (event instanceof ConversationResolved || event instanceof ConversationClosed) {
                finish(taskId);
            }
        } catch (SupportException e) {
            // Routing is advisory for a stored step: the conversation change stands either way.
            LOG.warn("routing could not follow {} of conversation {}: {}", event.getClass().getSimpleName(),
                    c.id(), e.getMessage());
        }
    }

    private void submit(Conversation c) {
        String taskId = c.id().value();
        if (router.task(taskId).isPresent()) {
            return;
        }
        owners.put(taskId, new Owner(c.tenant(), c.id()));
        Task.Builder task = Task.builder(taskId, channelName(c.channel()))
                .priority(c.priority().ordinal())
                .customer(c.customer().value());
        c.language().ifPresent(task::language);
        c.lastAgent().ifPresent(a -> task.lastAgent(a.value()));
        router.submit(task.build());
    }

    private void transferOrRelease(String taskId, TransferTarget target) {
        try {
            router.transfer(taskId, target);
        } catch (SupportException e) {
            LOG.info("router could not transfer {} to {} ({}); releasing its capacity instead", taskId, target,
                    e.getMessage());
            router.release(taskId);
        }
    }

    private void finish(String taskId) {
        Optional<TaskPhase> phase = phase(taskId);
        if (phase.isPresent()) {
            if (phase.get() == TaskPhase.ASSIGNED) {
                router.release(taskId);
            } else {
                router.cancel(taskId);
            }
        }
        owners.remove(taskId);
    }

    private Optional<TaskPhase> phase(String taskId) {
        return router.task(taskId).map(TaskStatus::phase);
    }

    // ---- router events out -----------------------------------------------------------------------------

    @Override
    public void onEvent(RoutingEvent event) {
        if (!(event instanceof RoutingEvent.TaskEvent taskEvent)) {
            return; // presence changes concern agents, not conversations
        }
        String taskId = taskEvent.taskId();
        Owner owner = owners.get(taskId);
        if (owner == null) {
            return;
        }
        lifecycle.outsideLocks(() -> {
            lifecycle.publish(List.of(new RoutingUpdate(owner.tenant(), owner.conversation(), event, event.at())));
            if (event instanceof RoutingEvent.TaskAssigned assigned) {
                boolean joined;
                try {
                    joined = lifecycle.assignFromRouting(owner.tenant(), owner.conversation(),
                            AgentId.of(assigned.agentId()));
                } catch (NotFoundException gone) {
                    joined = false; // erased meanwhile
                }
                if (!joined) {
                    // the conversation ended or someone took it meanwhile: give the capacity back
                    router.task(taskId).filter(s -> s.phase() == TaskPhase.ASSIGNED
                            && assigned.agentId().equals(s.agentId())).ifPresent(s -> router.release(taskId));
                }
            } else if (event instanceof RoutingEvent.TaskFellBack || event instanceof RoutingEvent.TaskCancelled) {
                owners.remove(taskId);
            }
        });
    }
}
