package io.supportkit.storage;

/** Urgency of a conversation; routing serves higher priorities first. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    /** One step up, capped at {@link #URGENT}. */
    public Priority raised() {
        return this == URGENT ? URGENT : values()[ordinal() + 1];
    }
}
