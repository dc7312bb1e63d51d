package io.supportkit;

/**
 * A write lost a race or would break a uniqueness rule (a concurrent update of the same record, an external id already owned by another customer). Re-read and retry.
 *
 * <p>Thrown before anything is changed: the operation that threw had no effect.
 */
public class ConflictException extends SupportException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
