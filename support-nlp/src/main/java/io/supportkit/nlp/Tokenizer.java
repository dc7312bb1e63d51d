package io.supportkit.nlp;

import io.supportkit.internal.Require;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits chat text into {@link Token}s: words (keeping ZWNJ and apostrophes inside words), numbers,
 * emoji (whole ZWJ sequences, skin tones and flags as one token), emoticons and punctuation runs.
 * Right-to-left marks and other bidi controls never split or appear in a folded token.
 *
 * <p>A single forward scan with no regular expressions, so its cost is linear in the input on any string,
 * including unpaired surrogates and control characters. Stateless and thread-safe.
 * Example: {@code Tokenizer.tokenize("I'm SO angry!!! 😡 :(", Language.ENGLISH)} gives the tokens
 * "I'm", "SO", "angry", "!!!", "😡", ":(".
 */
public final class Tokenizer {

    private static final String[] EMOTICONS = {
        ">:-(", ">:(", ":'-(", ":'(", ":-))", ":-((", ":))", ":((", ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ":-|",
        ":-O", ":-o", ":-*", ";-)", "</3", "^_^", "-_-", "T_T", ":)", ":(", ":D", ":P", ":p", ":/", ":|", ":O",
        ":o", ":*", ":@", ":S", ";)", "=)", "=(", "=D", "<3", "^^", "xD", "XD"};

    private Tokenizer() {
    }

    /**
     * Tokens of {@code text}, folded for {@code language} (use {@link Language#UNKNOWN} when not known).
     *
     * @throws io.supportkit.InvalidInputException when an argument is null
     */
    public static List<Token> tokenize(String text, Language language) {
        Require.nonNull(text, "text");
        Require.nonNull(language, "language");
        boolean turkic = TextNormalizer.isTurkic(language);
        List<Token> tokens = new ArrayList<>(Math.max(4, text.length() / 5));
        StringBuilder folded = new StringBuilder(32);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int emoticon = emoticonLength(text, i);
            if (emoticon > 0) {
                String face = text.substring(i, i + emoticon);
                tokens.add(new Token(face, face, i, i + emoticon, Token.Kind.EMOTICON));
                i += emoticon;
                continue;
            }
            int plain = plainWordEnd(text, i);
            if (plain > i) {
                // the usual case: lower-case ASCII letters and digits, already in folded form
                String word = text.substring(i, plain);
                tokens.add(new Token(word, word, i, plain, plainHasLetter(text, i, plain) ? Token.Kind.WORD
                    : Token.Kind.NUMBER));
                i = plain;
                continue;
            }
            int cp = text.codePointAt(i);
            if (isWordChar(cp)) {
                int start = i;
                folded.setLength(0);
                boolean letters = false;
                while (i < n) {
                    char ch = text.charAt(i);
                    int code = text.codePointAt(i);
                    if (isWordChar(code)) {
                        letters |= TextNormalizer.digitValue(ch) < 0 && Character.isLetter(code);
                        if (Character.isSupplementaryCodePoint(code)) {
                            folded.appendCodePoint(Character.toLowerCase(code));
                            i += 2;
                        } else {
                            TextNormalizer.appendFolded(folded, ch, turkic);
                            i++;
                        }
                    } else if (TextNormalizer.isIgnorable(ch) && continuesWord(text, i)) {
                        i++;
                    } else if ((ch == TextNormalizer.ZWNJ || ch == '\'' || ch == '’') && i + 1 < n
                        && Character.isLetter(text.codePointAt(i + 1)) && letters) {
                        folded.append(ch == '’' ? '\'' : ch);
                        i++;
                    } else {
                        break;
                    }
                }
                String word = text.substring(start, i);
                // most words are already folded ("order", "sipariş"): share the string instead of copying it
                String foldedWord = word.contentEquals(folded) ? word : folded.toString();
                tokens.add(new Token(word, foldedWord, start, i, letters ? Token.Kind.WORD : Token.Kind.NUMBER));
                continue;
            }
            if (isEmoji(cp)) {
                int start = i;
                i += Character.charCount(cp);
                if (isRegionalIndicator(cp) && i < n && isRegionalIndicator(text.codePointAt(i))) {
                    i += 2;
                }
                while (i < n) {
                    int next = text.codePointAt(i);
                    if (next == 0xFE0F || next == 0xFE0E || (next >= 0x1F3FB && next <= 0x1F3FF) || next == 0x20E3) {
                        i += Character.charCount(next);
                    } else if (next == 0x200D && i + 1 < n && isEmoji(text.codePointAt(i + 1))) {
                        i += 1 + Character.charCount(text.codePointAt(i + 1));
                    } else {
                        break;
                    }
                }
                String emoji = text.substring(start, i);
                tokens.add(new Token(emoji, emoji, start, i, Token.Kind.EMOJI));
                continue;
            }
            if (isPunctuation(c)) {
                int start = i;
                while (i < n && text.charAt(i) == c) {
                    i++;
                }
                String run = text.substring(start, i);
                tokens.add(new Token(run, run, start, i, Token.Kind.PUNCTUATION));
                continue;
            }
            i += Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
        }
        return tokens;
    }

    /**
     * The end of the word at {@code i} when it is made of lower-case ASCII letters and digits only and ends at the
     * end of the text or at an ASCII character that cannot continue a word; else {@code i} (the general scan then
     * handles capitals, apostrophes, ZWNJ, ignorable marks and other scripts).
     */
    private static int plainWordEnd(String text, int i) {
        int n = text.length();
        int j = i;
        while (j < n) {
            char ch = text.charAt(j);
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                j++;
            } else if (ch < 0x80 && ch != '\'' && !(ch >= 'A' && ch <= 'Z')) {
                return j;
            } else {
                return i;
            }
        }
        return j;
    }

    private static boolean plainHasLetter(String text, int start, int end) {
        for (int k = start; k < end; k++) {
            if (text.charAt(k) >= 'a') {
                return true;
            }
        }
        return false;
    }

    /** True when a run of ignorable characters (tatweel, bidi marks) at {@code i} is followed by a word character. */
    private static boolean continuesWord(String text, int i) {
        int j = i;
        while (j < text.length() && j - i < 64 && TextNormalizer.isIgnorable(text.charAt(j))) {
            j++;
        }
        return j < text.length() && isWordChar(text.codePointAt(j));
    }

    static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        if (cp == 0x200C || cp == 0x200D || cp == 0x0640 || (cp >= 0x200E && cp <= 0x200F)) {
            return false;
        }
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
            || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF)
            || (cp >= 0x2300 && cp <= 0x23FF) || cp == 0x2764 || cp == 0x203C || cp == 0x2049 || cp == 0x2122
            || cp == 0x2139 || (cp >= 0x2194 && cp <= 0x21AA) || cp == 0x3030 || cp == 0x303D;
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static boolean isPunctuation(char c) {
        return switch (c) {
            case '!', '?', '.', ',', ';', ':', '؟', '،', '؛', '…', '¡', '¿' -> true;
            default -> false;
        };
    }

    private static int emoticonLength(String text, int i) {
        char c = text.charAt(i);
        switch (c) {
            case ':', ';', '=', '<', '>', '^', '-', 'T', 'x', 'X' -> {
            }
            default -> {
                return 0; // called at every token: a switch, not a search of the first characters
            }
        }
        if ((c == 'T' || c == 'x' || c == 'X' || c == '-') && i > 0 && isWordChar(text.charAt(i - 1))) {
            return 0;
        }
        if ((c == 'T' || c == 'x' || c == 'X') && (i + 1 >= text.length() || (text.charAt(i + 1) != '_'
            && text.charAt(i + 1) != 'D'))) {
            return 0; // most words starting with T or x: no emoticon to try
        }
        for (String emoticon : EMOTICONS) {
            if (text.startsWith(emoticon, i)) {
                int end = i + emoticon.length();
                char last = emoticon.charAt(emoticon.length() - 1);
                // ":D" must not eat "D" of ":Done"; letter-ended emoticons need a boundary after them.
                if (Character.isLetter(last) && end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                    continue;
                }
                if (c == ':' && end < text.length() && !Character.isLetterOrDigit(last)
                    && emoticon.length() == 2 && text.charAt(end) == '/' ) {
                    continue; // "http://" is not ":/"
                }
                return emoticon.length();
            }
        }
        return 0;
    }
}
