package io.supportkit.core.sla.spi;

import io.supportkit.storage.Priority;
import io.supportkit.core.sla.SlaEvent;

import java.time.Duration;

/**
 * Carries out escalation actions and reassign-on-no-reply for the SLA tracker; implemented by the engine (or the
 * host). Every method has a no-op default, so an implementation handles only what it needs.
 *
 * <p>Threading: as {@link SlaListener}: on the feeding or advancing thread, outside the tracker's locks, so an
 * implementation may feed inputs back (for example {@code SlaInput.updated} with the raised priority). A method
 * that throws is logged; the others still run.
 *
 * <pre>{@code
 * EscalationHandler handler = new EscalationHandler() {
 *     public void raisePriority(String subjectId, Priority from, Priority to, SlaEvent cause) {
 *         conversations.setPriority(subjectId, to);
 *     }
 * };
 * }</pre>
 */
public interface EscalationHandler {
    /** Raise the subject's priority from {@code from} to {@code to} (never lower). */
    default void raisePriority(String subjectId, Priority from, Priority to, SlaEvent cause) {
    }

    /** Move the subject to another queue or team. */
    default void reroute(String subjectId, String queue, SlaEvent cause) {
    }

    /** Tell a supervisor. */
    default void notifySupervisor(String subjectId, String supervisorId, SlaEvent cause) {
    }

    /** The assigned agent did not reply in time: unassign and route the subject again. */
    default void returnToRouting(String subjectId, String agentId, Duration waited) {
    }
}
