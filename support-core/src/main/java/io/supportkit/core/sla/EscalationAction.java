package io.supportkit.core.sla;

import io.supportkit.storage.Priority;
import io.supportkit.internal.Require;

/**
 * What to do when an SLA target is about to be breached (warning) or has been breached. The tracker does not
 * change the subject itself: it calls the host's {@link io.supportkit.core.sla.spi.EscalationHandler}, which
 * applies the change (and feeds {@link SlaInput#updated} back when the priority changed).
 *
 * <pre>{@code
 * policy.onBreach(EscalationAction.raisePriority(), EscalationAction.reroute("tier-2"),
 *                 EscalationAction.notifySupervisor("lead-istanbul"));
 * }</pre>
 */
public sealed interface EscalationAction {
    /** Raise the priority one step. */
    static EscalationAction raisePriority() {
        return new RaisePriority(null);
    }

    /** Raise the priority to at least {@code to}. */
    static EscalationAction raisePriorityTo(Priority to) {
        return new RaisePriority(Require.nonNull(to, "to"));
    }

    /** Move the subject to another queue or team. */
    static EscalationAction reroute(String queue) {
        return new Reroute(queue);
    }

    /** Tell a supervisor through the handler. */
    static EscalationAction notifySupervisor(String supervisorId) {
        return new NotifySupervisor(supervisorId);
    }

    /** @param to the priority to raise to, or null for one step up */
    record RaisePriority(Priority to) implements EscalationAction {
    }

    /** @param queue the queue or team to move the subject to */
    record Reroute(String queue) implements EscalationAction {
        public Reroute {
            Require.id(queue, "queue");
        }
    }

    /** @param supervisorId who to notify */
    record NotifySupervisor(String supervisorId) implements EscalationAction {
        public NotifySupervisor {
            Require.id(supervisorId, "supervisorId");
        }
    }
}
