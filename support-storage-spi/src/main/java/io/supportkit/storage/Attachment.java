package io.supportkit.storage;

import io.supportkit.InvalidInputException;
import io.supportkit.internal.Require;

/**
 * A reference to a file the host keeps (supportkit never stores file bytes).
 *
 * <pre>{@code new Attachment("s3://bucket/receipt.png", "image/png", 48_213, "receipt.png")}</pre>
 *
 * @param uri       where the host keeps it
 * @param mediaType its MIME type
 * @param sizeBytes its size, for display and limits
 * @param fileName  the name shown to people
 */
public record Attachment(String uri, String mediaType, long sizeBytes, String fileName) {
    public static final int MAX_URI_LENGTH = 2048;

    public Attachment {
        Require.text(uri, "attachment uri", MAX_URI_LENGTH);
        if (uri.isBlank()) {
            throw new InvalidInputException("attachment uri must not be blank");
        }
        Require.id(mediaType, "attachment mediaType");
        Require.nonNegative(sizeBytes, "attachment sizeBytes");
        Require.id(fileName, "attachment fileName");
    }
}
