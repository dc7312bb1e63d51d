package io.supportkit;

/**
 * An argument was null, empty, too long, malformed (for example unpaired UTF-16 surrogates) or out of range.
 *
 * <p>Thrown before anything is changed: the operation that threw had no effect.
 */
public class InvalidInputException extends SupportException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
