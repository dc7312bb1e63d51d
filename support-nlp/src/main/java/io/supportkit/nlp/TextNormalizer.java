package io.supportkit.nlp;

import io.supportkit.internal.Require;
import java.text.Normalizer;

/**
 * Unicode-correct normalisation for matching text against lexicons and patterns.
 *
 * <p>What {@link #fold(CharSequence, Language)} does, and why:
 * <ul>
 *   <li>NFKC when the text holds characters that it changes (full-width forms, Arabic presentation forms,
 *       ligatures, decomposed accents), so "ｏｒｄｅｒ" matches "order"; plain Latin, Cyrillic and Arabic-block
 *       text skips it because it is already stable;</li>
 *   <li>locale-correct lower-casing: in Turkish and Azerbaijani "I" becomes "ı" and "İ" becomes "i", so
 *       "İSTANBUL" matches "istanbul"; elsewhere "İ" becomes "i"; the default locale is never consulted;</li>
 *   <li>Arabic yeh (ي, ى) and kaf (ك) become the Persian ی and ک, hamza-carrying alefs (أ إ ٱ) become ا,
 *       so Arabic-keyboard Persian matches;</li>
 *   <li>tatweel, Arabic diacritics (harakat), right-to-left and other bidi marks and soft hyphens are removed;
 *       the zero-width non-joiner (U+200C) is kept because it joins parts of one Persian word;</li>
 *   <li>Persian (۰-۹) and Arabic-Indic (٠-٩) digits become ASCII digits.</li>
 * </ul>
 * Stateless and thread-safe. Example: {@code TextNormalizer.fold("İSTANBUL", Language.TURKISH)} is
 * {@code "istanbul"}, {@code TextNormalizer.fold("كتاب ۱۲", Language.PERSIAN)} is {@code "کتاب 12"}.
 */
public final class TextNormalizer {

    /** Zero-width non-joiner: a joiner inside Persian words, never a word boundary. */
    public static final char ZWNJ = '\u200C';

    private TextNormalizer() {
    }

    /**
     * The matching form of {@code text} in {@code language} (see the class comment).
     *
     * @throws io.supportkit.InvalidInputException when an argument is null
     */
    public static String fold(CharSequence text, Language language) {
        Require.nonNull(text, "text");
        Require.nonNull(language, "language");
        CharSequence source = needsCompatibilityNormalization(text)
            ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
        boolean turkic = isTurkic(language);
        StringBuilder out = new StringBuilder(source.length());
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < source.length()
                && Character.isLowSurrogate(source.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, source.charAt(i + 1));
                out.appendCodePoint(Character.toLowerCase(cp));
                i++;
                continue;
            }
            appendFolded(out, c, turkic);
        }
        return out.toString();
    }

    /**
     * Appends the folded form of one UTF-16 unit (a surrogate is appended unchanged); used by the tokenizer
     * so that it folds while it scans.
     */
    static void appendFolded(StringBuilder out, char c, boolean turkic) {
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') {
                out.append(turkic && c == 'I' ? 'ı' : (char) (c + 32));
            } else {
                out.append(c);
            }
            return;
        }
        if (isIgnorable(c)) {
            return;
        }
        int digit = digitValue(c);
        if (digit >= 0) {
            out.append((char) ('0' + digit));
            return;
        }
        switch (c) {
            case 'ي', 'ى', 'ئ' -> out.append('ی');
            case 'ك' -> out.append('ک');
            case 'أ', 'إ', 'ٱ' -> out.append('ا');
            case 'İ' -> out.append('i');
            default -> out.append(Character.isSurrogate(c) ? c : Character.toLowerCase(c));
        }
    }

    /** Characters removed for matching: tatweel, harakat, bidi controls, soft hyphen, BOM. */
    static boolean isIgnorable(char c) {
        return c == '\u0640' || (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u00AD'
            || c == '\u200E' || c == '\u200F' || c == '\u061C' || (c >= '\u202A' && c <= '\u202E')
            || (c >= '\u2066' && c <= '\u2069') || c == '\uFEFF';
    }

    /**
     * The value of an ASCII, Arabic-Indic (٠-٩), Persian (۰-۹) or full-width digit, or -1 for any other
     * character. Other Unicode digits are not treated as digits so that entity and PII scanners stay
     * predictable.
     */
    public static int digitValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '\u0660' && c <= '\u0669') {
            return c - '\u0660';
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return c - '\u06F0';
        }
        if (c >= '\uFF10' && c <= '\uFF19') {
            return c - '\uFF10';
        }
        return -1;
    }

    /** {@code text} with Persian, Arabic-Indic and full-width digits replaced by ASCII digits. */
    public static String asciiDigits(CharSequence text) {
        Require.nonNull(text, "text");
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int d = digitValue(c);
            out.append(d >= 0 ? (char) ('0' + d) : c);
        }
        return out.toString();
    }

    /** Turkish and Azerbaijani share the dotted/dotless i case mapping. */
    public static boolean isTurkic(Language language) {
        return language == Language.TURKISH || language == Language.AZERBAIJANI;
    }

    private static boolean needsCompatibilityNormalization(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x0300) {
                continue;
            }
            if ((c >= 0x0300 && c <= 0x036F) || (c >= 0xFB00 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)
                || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2000 && c <= 0x2000 + 0x0B) || c == 0x2126
                || (c >= 0x3300 && c <= 0x33FF) || (c >= 0x2460 && c <= 0x24FF)
                || (c >= 0x0675 && c <= 0x0678) || (c >= 0x2070 && c <= 0x209F) || (c >= 0x2150 && c <= 0x218F)) {
                return !Normalizer.isNormalized(text, Normalizer.Form.NFKC);
            }
        }
        return false;
    }
}
