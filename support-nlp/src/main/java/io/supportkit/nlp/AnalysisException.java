package io.supportkit.nlp;

import io.supportkit.SupportException;

/**
 * A host {@link io.supportkit.nlp.spi.AnalysisInterceptor} failed; the cause is the host's exception.
 *
 * <p>Example: {@code catch (AnalysisException e) { log.warn("translation step failed", e.getCause()); }}
 */
public class AnalysisException extends SupportException {
    private static final long serialVersionUID = 1L;

    /** With the failing step's exception as cause. */
    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
