package io.supportkit;

/**
 * A store failed for a reason of its own (I/O, a database error); the cause holds the original exception.
 *
 * <p>Unlike the other subtypes this one may be thrown after a partial effect inside the store; stores
 * that pass the compatibility kit make each single call atomic, so a failed call has no visible effect.
 */
public class StorageException extends SupportException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
