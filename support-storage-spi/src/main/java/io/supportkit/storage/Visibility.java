package io.supportkit.storage;

/** Whether the customer sees a message. Internal notes are for agents only and are never delivered. */
public enum Visibility {
    PUBLIC,
    INTERNAL
}
