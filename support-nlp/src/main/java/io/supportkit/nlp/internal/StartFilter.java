package io.supportkit.nlp.internal;

/**
 * A 64-Kbit filter of the first letters of a word list, as an {@code int} key the caller packs (usually the first
 * two chars): {@link #mayContain} false means no listed word starts that way, so a scan over every token of a
 * message skips its tables for most tokens with one bit test; true may be a false positive, which only costs the
 * table lookup it was meant to save. Filled before use, then read-only; safe to share once published.
 */
final class StartFilter {

    private final long[] bits = new long[1 << 10];

    void add(int key) {
        int bit = bit(key);
        bits[bit >>> 6] |= 1L << bit;
    }

    boolean mayContain(int key) {
        int bit = bit(key);
        return (bits[bit >>> 6] & (1L << bit)) != 0;
    }

    /** 16 bits of a multiplicative hash of the key; a long shift uses the low six bits of the bit index. */
    private static int bit(int key) {
        return (key * 0x9E3779B9) >>> 16;
    }
}
