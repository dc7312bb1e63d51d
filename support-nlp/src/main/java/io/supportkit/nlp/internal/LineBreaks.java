package io.supportkit.nlp.internal;

import java.util.Arrays;

/**
 * The line breaks ({@code '\n'}) that a scan looked across, by position in the scanned text. Every scanner stops at
 * a line break except the one that reads a password after its cue ("my password is\nhunter2"), so a line whose
 * neighbours were not looked across is scanned the same alone as within the whole text; the redactor relies on
 * this to re-scan only the lines it changed. Not thread-safe: one per scan.
 */
public final class LineBreaks {
    private int[] positions = new int[4];
    private int size;

    /** Records that the scan read past the line break at {@code position}. */
    void crossed(int position) {
        if (size > 0 && positions[size - 1] == position) {
            return;
        }
        if (size == positions.length) {
            positions = Arrays.copyOf(positions, size * 2);
        }
        positions[size++] = position;
    }

    /** Records every line break in {@code text[from, to)}: a read from {@code from} reached {@code to}. */
    void crossedBetween(String text, int from, int to) {
        int end = Math.min(to, text.length());
        for (int k = text.indexOf('\n', from); k >= 0 && k < end; k = text.indexOf('\n', k + 1)) {
            crossed(k);
        }
    }

    /** Whether the scan read past the line break at {@code position}. */
    public boolean wasCrossed(int position) {
        for (int k = 0; k < size; k++) {
            if (positions[k] == position) {
                return true;
            }
        }
        return false;
    }

    /** Whether any line break was crossed. */
    public boolean any() {
        return size > 0;
    }
}
