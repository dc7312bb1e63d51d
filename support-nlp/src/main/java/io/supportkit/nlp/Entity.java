package io.supportkit.nlp;

/**
 * A piece of information found in a text, with its span.
 *
 * <p>Immutable and thread-safe. Example: in "My order number is ۲۴۵-۱۲۷۸۴" the order number entity has
 * {@code text="۲۴۵-۱۲۷۸۴"} and {@code value="245-12784"}.
 *
 * @param type  what it is
 * @param start first index in the analysed text, inclusive
 * @param end   index after the entity, exclusive
 * @param text  the characters as written
 * @param value a normalised value (ASCII digits, ISO dates and periods, "12.50 USD"), see {@link EntityType}
 */
public record Entity(EntityType type, int start, int end, String text, String value) {
}
