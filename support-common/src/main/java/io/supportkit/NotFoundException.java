package io.supportkit;

/**
 * An id named something that does not exist in the given tenant (ids never resolve across tenants).
 *
 * <p>Thrown before anything is changed: the operation that threw had no effect.
 */
public class NotFoundException extends SupportException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
