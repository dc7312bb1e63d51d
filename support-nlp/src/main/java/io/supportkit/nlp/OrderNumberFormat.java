package io.supportkit.nlp;

import io.supportkit.ConfigurationException;
import io.supportkit.internal.Require;

/**
 * The shape of a host's order numbers, written as a fixed-length template: {@code 9} is any digit (ASCII, Persian
 * or Arabic-Indic), {@code A} is any ASCII letter, {@code X} is a letter or digit, every other character stands
 * for itself. Matching is a fixed-length comparison at word boundaries, so it cannot backtrack.
 *
 * <p>Immutable and thread-safe. Examples: {@code OrderNumberFormat.of("999-99999")} matches "245-12784" and
 * "۲۴۵-۱۲۷۸۴"; {@code OrderNumberFormat.of("#A9999999")} matches "#A1234567".
 */
public final class OrderNumberFormat {

    /** "245-12784". */
    public static final OrderNumberFormat DASHED = of("999-99999");
    /** "#A1234567". */
    public static final OrderNumberFormat HASH_LETTER = of("#A9999999");

    private final String template;

    private OrderNumberFormat(String template) {
        this.template = template;
    }

    /**
     * A format from its template.
     *
     * @throws ConfigurationException when the template is shorter than 4 characters, longer than 40, or has no
     *                                digit or letter placeholder
     */
    public static OrderNumberFormat of(String template) {
        Require.nonNull(template, "template");
        if (template.length() < 4 || template.length() > 40 || template.chars().noneMatch(c -> c == '9' || c == 'A' || c == 'X')) {
            throw new ConfigurationException("template must have 4-40 characters with a 9, A or X placeholder, was '"
                + template + "'");
        }
        return new OrderNumberFormat(template);
    }

    /** The template. */
    public String template() {
        return template;
    }

    /** Length of a match in characters. */
    public int length() {
        return template.length();
    }

    /** True when {@code text} matches at {@code start} (boundaries are checked by the caller). */
    public boolean matchesAt(CharSequence text, int start) {
        if (start + template.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < template.length(); k++) {
            char want = template.charAt(k);
            char have = text.charAt(start + k);
            boolean digit = TextNormalizer.digitValue(have) >= 0;
            boolean letter = (have >= 'a' && have <= 'z') || (have >= 'A' && have <= 'Z');
            boolean ok = switch (want) {
                case '9' -> digit;
                case 'A' -> letter;
                case 'X' -> digit || letter;
                default -> have == want;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderNumberFormat f && f.template.equals(template);
    }

    @Override
    public int hashCode() {
        return template.hashCode();
    }

    @Override
    public String toString() {
        return template;
    }
}
