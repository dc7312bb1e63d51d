package io.supportkit.nlp;

/**
 * One token of a text: its span in the original text, the original characters and the folded matching form.
 *
 * <p>Immutable and thread-safe. Example: tokenizing "Sipariş numaram ۲۴۵" in Turkish gives, among others,
 * {@code Token[text=۲۴۵, folded=245, start=16, end=19, kind=NUMBER]}.
 *
 * @param text   the characters as written (a substring of the input)
 * @param folded the matching form, see {@link TextNormalizer#fold(CharSequence, Language)}
 * @param start  index of the first UTF-16 unit in the input, inclusive
 * @param end    index after the last UTF-16 unit, exclusive
 * @param kind   what the token is
 */
public record Token(String text, String folded, int start, int end, Kind kind) {

    /** What a token is. */
    public enum Kind {
        /** Letters (and digits mixed with letters), with word-internal apostrophes and ZWNJ. */
        WORD,
        /** Digits only (any of the supported digit sets). */
        NUMBER,
        /** One emoji, including its modifiers, variation selectors and ZWJ sequence. */
        EMOJI,
        /** A text emoticon such as ":)", ":-(", "<3", "xD". */
        EMOTICON,
        /** A run of one punctuation character, such as "!!!" or "?". */
        PUNCTUATION
    }

    /** True when the token has at least two letters and all of its letters are upper case ("TERRIBLE"). */
    public boolean isShouting() {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }
}
