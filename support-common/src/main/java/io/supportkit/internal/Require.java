package io.supportkit.internal;

import io.supportkit.InvalidInputException;

import java.util.Collection;
import java.util.Map;

/**
 * Argument checks shared by the modules. Internal: not part of the API and free to change.
 *
 * <p>Every check throws {@link InvalidInputException} with a message that names the parameter and,
 * where it is safe to show, the offending value.
 */
public final class Require {
    /** Ids are short: longer ones are almost always a bug in the caller (a message body passed as an id). */
    public static final int MAX_ID_LENGTH = 128;

    private Require() {
    }

    public static <T> T nonNull(T value, String name) {
        if (value == null) {
            throw new InvalidInputException(name + " must not be null");
        }
        return value;
    }

    /** A non-blank identifier of at most {@link #MAX_ID_LENGTH} chars with no control characters. */
    public static String id(String value, String name) {
        nonNull(value, name);
        if (value.isBlank()) {
            throw new InvalidInputException(name + " must not be blank");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidInputException(name + " must be at most " + MAX_ID_LENGTH + " characters, was "
                    + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidInputException(name + " must not contain control characters, found U+"
                        + String.format("%04X", (int) c) + " at index " + i);
            }
        }
        wellFormed(value, name);
        return value;
    }

    /** Text that is well-formed UTF-16 (no unpaired surrogates) and at most {@code maxLength} chars. */
    public static String text(String value, String name, int maxLength) {
        nonNull(value, name);
        if (value.length() > maxLength) {
            throw new InvalidInputException(name + " must be at most " + maxLength + " characters, was "
                    + value.length());
        }
        wellFormed(value, name);
        return value;
    }

    /** Throws when {@code value} holds an unpaired surrogate, which no encoding can store faithfully. */
    public static String wellFormed(String value, String name) {
        int bad = firstUnpairedSurrogate(value);
        if (bad >= 0) {
            throw new InvalidInputException(name + " is not well-formed Unicode: unpaired surrogate U+"
                    + String.format("%04X", (int) value.charAt(bad)) + " at index " + bad);
        }
        return value;
    }

    /** Index of the first unpaired surrogate, or -1 when the string is well-formed. */
    public static int firstUnpairedSurrogate(String value) {
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** How much of a caller's value an error message repeats; the rest is summarised by its length. */
    public static final int QUOTE_LENGTH = 64;

    /**
     * A caller's value as an error message may show it: in double quotes, cut after {@value #QUOTE_LENGTH} chars
     * (with the full length said), and with control characters and unpaired surrogates written as a backslash,
     * {@code u} and four hex digits, so that a message never grows with the input nor carries malformed Unicode
     * into a log.
     */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        int shown = Math.min(value.length(), QUOTE_LENGTH);
        if (shown > 0 && shown < value.length() && Character.isHighSurrogate(value.charAt(shown - 1))) {
            shown--; // never cut a pair in two
        }
        StringBuilder b = new StringBuilder(shown + 32).append('"');
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))
                    : Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
            if (Character.isISOControl(c) || (Character.isSurrogate(c) && !paired)) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
        if (shown < value.length()) {
            b.append("... (").append(value.length()).append(" characters)");
        }
        return b.toString();
    }

    public static int positive(int value, String name) {
        if (value <= 0) {
            throw new InvalidInputException(name + " must be positive, was " + value);
        }
        return value;
    }

    public static long nonNegative(long value, String name) {
        if (value < 0) {
            throw new InvalidInputException(name + " must not be negative, was " + value);
        }
        return value;
    }

    public static int between(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new InvalidInputException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static <C extends Collection<?>> C noNullElements(C values, String name) {
        nonNull(values, name);
        for (Object v : values) {
            if (v == null) {
                throw new InvalidInputException(name + " must not contain null");
            }
        }
        return values;
    }

    public static <M extends Map<?, ?>> M noNullEntries(M values, String name) {
        nonNull(values, name);
        for (Map.Entry<?, ?> e : values.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new InvalidInputException(name + " must not contain null keys or values");
            }
        }
        return values;
    }
}
