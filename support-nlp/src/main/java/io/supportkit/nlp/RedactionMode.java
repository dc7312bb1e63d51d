package io.supportkit.nlp;

/**
 * How {@link Redactor} replaces a value of one {@link PiiType}.
 *
 * <p>Example: {@code Redactor.newBuilder().mode(PiiType.PHONE, RedactionMode.DROP)}.
 */
public enum RedactionMode {
    /**
     * Replace by a placeholder naming the type, such as {@code [EMAIL]}; card numbers keep at most their first
     * six and last four digits (PCI DSS) with the rest as {@code *}, separators as written.
     */
    MASK,
    /**
     * Replace by the type and a keyed hash of the value, such as {@code [EMAIL:kqzrwmfa]}, so equal values can be
     * correlated for audit without being readable. Needs {@link Redactor.Builder#hashKey(byte[])}.
     */
    HASH,
    /** Replace by {@code [REDACTED]}: neither the value nor its type is kept. */
    DROP,
    /** Do not redact this type (it is still reported). */
    KEEP
}
