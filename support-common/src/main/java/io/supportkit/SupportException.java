package io.supportkit;

/**
 * The one unchecked root of every exception supportkit throws, so a host can catch a single type.
 *
 * <p>Subtypes say what kind of failure it was; messages are part of the API and name the bad value.
 * Failures of host-provided SPIs (storage, delivery, listeners) are wrapped in a subtype, never leaked raw.
 *
 * <pre>{@code
 * try {
 *     engine.conversations().resolve(tenant, id, agent);
 * } catch (IllegalTransitionException e) {
 *     // already resolved: nothing changed
 * } catch (SupportException e) {
 *     // any other supportkit failure
 * }
 * }</pre>
 */
public class SupportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SupportException(String message) {
        super(message);
    }

    public SupportException(String message, Throwable cause) {
        super(message, cause);
    }
}
