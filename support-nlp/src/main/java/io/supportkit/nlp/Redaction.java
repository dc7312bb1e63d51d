package io.supportkit.nlp;

/**
 * One redacted span, for audit: where it was in the input, where its replacement is in the output.
 *
 * <p>Immutable and thread-safe. Example: redacting "mail me at a@b.co" gives
 * {@code Redaction[type=EMAIL, start=11, end=17, outputStart=11, outputEnd=18, replacement=[EMAIL]]}.
 *
 * @param type        what was found
 * @param start       first index of the value in the input, inclusive
 * @param end         index after the value in the input, exclusive
 * @param outputStart first index of the replacement in the redacted text
 * @param outputEnd   index after the replacement in the redacted text
 * @param replacement the text written instead of the value (equal to the value when the mode is KEEP)
 */
public record Redaction(PiiType type, int start, int end, int outputStart, int outputEnd, String replacement) {
}
