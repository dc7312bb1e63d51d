package io.supportkit.storage;

/**
 * Where a customer message came from and where replies go back. One customer can use several (R2).
 */
public enum Channel {
    WEB,
    SMS,
    WHATSAPP,
    MESSENGER,
    EMAIL,
    /** A host's own app or API integration. */
    API
}
