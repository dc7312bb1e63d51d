package io.supportkit;

/**
 * A state change that the state machine does not allow, such as replying to a closed conversation or resolving twice.
 *
 * <p>Thrown before anything is changed: the operation that threw had no effect.
 */
public class IllegalTransitionException extends SupportException {
    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(String message) {
        super(message);
    }

    public IllegalTransitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
