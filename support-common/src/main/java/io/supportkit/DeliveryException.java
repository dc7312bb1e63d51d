package io.supportkit;

/**
 * The host's outbound transport failed to take a message. The message itself is already stored; the
 * engine reports the failure as an event and rethrows only where the caller asked for delivery.
 */
public class DeliveryException extends SupportException {
    private static final long serialVersionUID = 1L;

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
