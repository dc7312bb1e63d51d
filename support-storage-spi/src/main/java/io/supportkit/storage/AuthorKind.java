package io.supportkit.storage;

/** Who wrote a message. */
public enum AuthorKind {
    CUSTOMER,
    AGENT,
    BOT,
    /** The engine itself: joins, transfers, resolutions recorded in the transcript. */
    SYSTEM
}
