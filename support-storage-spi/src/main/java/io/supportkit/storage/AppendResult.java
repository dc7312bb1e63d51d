package io.supportkit.storage;

import io.supportkit.internal.Require;

/**
 * What an append did.
 *
 * @param message   the stored message: the new one, or the one stored earlier under the same client message id
 * @param duplicate true when nothing was written because the client message id was already there
 */
public record AppendResult(Message message, boolean duplicate) {
    public AppendResult {
        Require.nonNull(message, "message");
    }
}
