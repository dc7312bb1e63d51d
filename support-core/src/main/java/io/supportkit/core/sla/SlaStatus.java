package io.supportkit.core.sla;

/**
 * The status of a ticket or conversation as the SLA clocks see it; the engine maps its own states onto these.
 *
 * <ul>
 *   <li>{@link #NEW}: created, nobody has worked on it yet.</li>
 *   <li>{@link #OPEN}: an agent is working on it.</li>
 *   <li>{@link #PENDING}: waiting on the customer; most clocks pause.</li>
 *   <li>{@link #ON_HOLD}: waiting on a third party (another team, a supplier); agent work time pauses.</li>
 *   <li>{@link #SOLVED}: resolved; clocks stop, and resume if it is reopened.</li>
 *   <li>{@link #CLOSED}: final; the subject is forgotten by the tracker.</li>
 * </ul>
 */
public enum SlaStatus {
    NEW, OPEN, PENDING, ON_HOLD, SOLVED, CLOSED;

    /** True for SOLVED and CLOSED, where every clock stops. */
    public boolean isTerminal() {
        return this == SOLVED || this == CLOSED;
    }
}
