package io.supportkit.storage;

/**
 * What erasing a customer removed (GDPR/CCPA erasure, R9). All zero when there was nothing to erase.
 */
public record ErasureReport(int customers, int conversations, long messages) {
}
