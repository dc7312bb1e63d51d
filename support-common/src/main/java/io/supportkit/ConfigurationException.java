package io.supportkit;

/**
 * A builder or a configuration file held an invalid value; raised at build time, never silently replaced by a default.
 *
 * <p>Thrown before anything is changed: the operation that threw had no effect.
 */
public class ConfigurationException extends SupportException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
