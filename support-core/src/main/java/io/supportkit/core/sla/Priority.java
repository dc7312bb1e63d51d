package io.supportkit.core.sla;

/**
 * Priority of a ticket or conversation, lowest first. SLA targets are set per priority.
 *
 * <pre>{@code
 * Priority p = Priority.NORMAL.raised(); // HIGH
 * }</pre>
 */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT;

    /** The next higher priority; URGENT stays URGENT. */
    public Priority raised() {
        return this == URGENT ? URGENT : values()[ordinal() + 1];
    }
}
