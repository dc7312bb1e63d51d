package io.supportkit.nlp.internal;

import io.supportkit.nlp.PiiType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds passwords and one-time codes that a customer offers in text, after a cue phrase in English, Turkish,
 * Persian or Arabic ("my password is hunter2", "şifrem: kedi123", "رمز عبورم hunter2 است", "the code is 482913").
 *
 * <p>A value counts when a strong connector ("is", ":", "=", "است") links it to the cue, or when it looks like a
 * secret by itself (it holds a digit, a symbol or mixed case); common words are never taken ("my password is
 * not working"). One-time codes need at least four digits. Bounded look-ahead, no regular expressions.
 */
final class SecretCues {

    private record Cue(String folded, PiiType type, boolean allowSuffix) {
    }

    private record Connector(String folded, boolean strong) {
    }

    /** Filled first: the cue tables below are folded with it. {@link #computeFold} for every UTF-16 unit (128 KB): {@code Character.toLowerCase} was the scan's top cost. */
    private static final char[] FOLDED = new char[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            FOLDED[c] = computeFold((char) c);
        }
    }

    private static final Map<Character, Cue[]> CUES = new HashMap<>();
    /** Cues by first ASCII letter: the common case costs an array read, not a map lookup. */
    private static final Cue[][] ASCII_CUES = new Cue[128][];
    /**
     * Hashes of the first three folded characters of every cue (a shorter cue hashes a wildcard in their place): a
     * word whose first characters hash elsewhere cannot start a cue, which rejects nearly every word of a message
     * at the cost of a few table reads.
     */
    private static final long[] CUE_STARTS = new long[1 << 10];
    private static final char WILDCARD = '\uFFFF';
    private static final Connector[] CONNECTORS;
    private static final int LONGEST_CONNECTOR;
    private static final Set<String> STOPWORDS;
    private static final Set<String> TRAILING_COPULA = Set.of("است", "هست", "ه", "میباشد", "می\u200Cباشد");

    static {
        List<Cue> cues = new ArrayList<>();
        for (String s : List.of("password", "passwd", "pwd", "passcode", "pass code", "pin", "pin code",
            "pin number", "şifre", "parola", "rumuz şifre", "رمز عبور", "رمز", "کلمه عبور", "پسورد", "گذرواژه",
            "كلمة المرور", "كلمة السر")) {
            cues.add(new Cue(fold(s), PiiType.PASSWORD, !s.startsWith("pin") && !s.equals("pwd")));
        }
        for (String s : List.of("otp", "one-time code", "one time code", "one-time password", "one time password",
            "verification code", "security code", "confirmation code", "sms code", "auth code", "login code", "code",
            "doğrulama kodu", "onay kodu", "sms kodu", "güvenlik kodu", "tek kullanımlık şifre", "kod",
            "کد تایید", "کد یکبار مصرف", "رمز یکبار مصرف", "رمز پویا", "رمز دوم", "کد", "رمز التحقق")) {
            boolean suffix = s.startsWith("kod") || s.endsWith("kodu") || s.endsWith("şifre") || !isAscii(s);
            cues.add(new Cue(fold(s), PiiType.ONE_TIME_CODE, suffix));
        }
        cues.sort(Comparator.comparingInt((Cue c) -> -c.folded().length()));
        Map<Character, List<Cue>> byFirst = new HashMap<>();
        for (Cue cue : cues) {
            byFirst.computeIfAbsent(cue.folded().charAt(0), k -> new ArrayList<>()).add(cue);
        }
        for (Cue cue : cues) {
            String f = cue.folded();
            // A space in a cue matches one to three spaces or a zero-width non-joiner: hash a wildcard for it.
            char second = f.length() > 1 && f.charAt(1) != ' ' ? f.charAt(1) : WILDCARD;
            char third = second != WILDCARD && f.length() > 2 && f.charAt(2) != ' ' ? f.charAt(2) : WILDCARD;
            int h = startHash(f.charAt(0), second, third);
            CUE_STARTS[h >>> 6] |= 1L << h;
        }
        byFirst.forEach((k, v) -> {
            Cue[] array = v.toArray(new Cue[0]);
            if (k < 128) {
                ASCII_CUES[k] = array;
            } else {
                CUES.put(k, array);
            }
        });
        List<Connector> connectors = new ArrayList<>();
        for (String s : List.of(":", "=", "->", "=>", "is", "was", "is now", "will be", "şu", "şudur", "olarak",
            "است", "هست", "اینه", "برابر", "هو")) {
            connectors.add(new Connector(fold(s), true));
        }
        for (String s : List.of("-", "my", "now", "new", "the", "code", "yeni", "من", "جدید", "of", "for", "e",
            "ایمیلم", "ایمیل", "جیمیلم", "اکانتم", "اکانت", "حسابم", "حساب", "کاربری", "کاربریم", "بانکم",
            "e-posta", "hesabımın", "hesabım", "mailimin")) {
            connectors.add(new Connector(fold(s), false));
        }
        connectors.sort(Comparator.comparingInt((Connector c) -> -c.folded().length()));
        CONNECTORS = connectors.toArray(new Connector[0]);
        LONGEST_CONNECTOR = connectors.get(0).folded().length();
        STOPWORDS = Set.of("and", "or", "but", "to", "for", "the", "a", "an", "not", "is", "was", "wrong", "incorrect",
            "invalid", "expired", "reset", "change", "changed", "working", "correct", "too", "again", "it", "that",
            "this", "so", "in", "on", "of", "with", "please", "doesn't", "isn't", "does", "did", "do", "has", "have",
            "field", "page", "link", "email", "because", "when", "if", "still", "no", "required", "needed",
            "short", "long", "weak", "strong", "case", "sensitive", "same", "different", "forgotten", "forgot",
            "lost", "manager", "via", "by", "sent", "never", "didn't", "won't", "doesnt", "isnt", "from", "at", "will",
            "ve", "ama", "için", "yanlış", "hatalı", "değişti", "çalışmıyor", "sıfırla", "sıfırlama", "unuttum",
            "nedir", "ne", "mi", "mı", "bu", "de", "da", "ile", "lazım", "gelmedi", "gelmiyor", "olmuyor", "geçersiz",
            "و", "را", "رو", "که", "اشتباه", "فراموش", "عوض", "تغییر", "چیه", "چیست", "نمیشه", "کار", "به", "از",
            "با", "یادم", "نیست", "هم", "برای", "نمی\u200Cشه", "نیومد", "نمیاد");
    }

    private SecretCues() {
    }

    /**
     * Tries the cues at word start {@code i}; adds a finding and returns the index after the value, or returns
     * {@code i} when there is none.
     */
    static int scan(String text, int i, List<PiiScanner.Finding> found, LineBreaks breaks) {
        int n = text.length();
        char first = foldChar(text.charAt(i));
        if (!isCueStart(first, i + 1 < n ? foldChar(text.charAt(i + 1)) : '\0',
                i + 2 < n ? foldChar(text.charAt(i + 2)) : '\0')) {
            return i; // most words: a few table reads, no cue compared
        }
        if (i > 0 && ".@_-/\\".indexOf(text.charAt(i - 1)) >= 0) {
            return i; // inside an address or identifier ("b.sifre", "user_password"): not a cue in a sentence
        }
        Cue[] candidates = first < 128 ? ASCII_CUES[first] : CUES.get(first);
        if (candidates == null) {
            return i;
        }
        for (Cue cue : candidates) {
            int end = matchCue(text, i, cue);
            if (end < 0) {
                continue;
            }
            long encoded = value(text, end, cue, found);
            int valueEnd = (int) encoded;
            if (breaks != null) {
                breaks.crossedBetween(text, i, (int) (encoded >>> 32));
            }
            if (valueEnd > 0) {
                return valueEnd;
            }
            return i;
        }
        return i;
    }

    /**
     * A value that is a group of digits continued by more groups ("my password is 4111 1111 1111 1111") takes
     * the whole run: otherwise the rest of a card number would stay readable after the first group is redacted.
     */
    private static int extendNumberRun(String text, int start, int end) {
        for (int k = start; k < end; k++) {
            if (!PiiScanner.isDigit(text.charAt(k))) {
                return end;
            }
        }
        int n = text.length();
        int e = end;
        while (true) {
            int j = e;
            int seps = 0;
            while (j < n && seps < 2 && " -.()\u00A0".indexOf(text.charAt(j)) >= 0) {
                j++;
                seps++;
            }
            if (seps == 0 || j >= n || !PiiScanner.isDigit(text.charAt(j))) {
                return e;
            }
            e = j;
            while (e < n && PiiScanner.isDigit(text.charAt(e))) {
                e++;
            }
        }
    }

    /** Index after the cue (and its suffix) at {@code i}, or -1. */
    private static int matchCue(String text, int i, Cue cue) {
        String f = cue.folded();
        int n = text.length();
        int k = 0;
        while (k < f.length()) {
            if (i >= n) {
                return -1;
            }
            char want = f.charAt(k);
            if (want == ' ') {
                int spaces = 0;
                while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\u200C') && spaces < 3) {
                    i++;
                    spaces++;
                }
                if (spaces == 0) {
                    return -1;
                }
                k++;
                continue;
            }
            char have = text.charAt(i);
            if (have == '\u0640' || (have >= '\u064B' && have <= '\u065F')) {
                i++; // tatweel and harakat inside the cue word
                continue;
            }
            if (foldChar(have) != want) {
                return -1;
            }
            i++;
            k++;
        }
        int suffix = 0;
        while (i < n && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\u200C') && suffix < 8) {
            if (!cue.allowSuffix()) {
                return -1;
            }
            i++;
            suffix++;
        }
        if (i < n && Character.isLetterOrDigit(text.charAt(i))) {
            return -1;
        }
        return i;
    }

    /**
     * Parses connectors and the value after a cue; adds the finding. Returns the value's end (or -1) in the low 32
     * bits and, in the high 32 bits, a bound on the positions read, so the scan can tell which line breaks the
     * look-ahead crossed.
     */
    private static long value(String text, int pos, Cue cue, List<PiiScanner.Finding> found) {
        int n = text.length();
        boolean strong = false;
        int reach = pos;
        for (int round = 0; round < 3; round++) {
            pos = skipSpace(text, pos);
            reach = Math.max(reach, pos + LONGEST_CONNECTOR + 1);
            int encoded = connector(text, pos);
            if (encoded < 0) {
                break;
            }
            strong |= (encoded & 1) == 1;
            pos = encoded >>> 1;
        }
        pos = skipSpace(text, pos);
        int start = pos;
        while (start < n && "'\"«“(".indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        int end = start;
        while (end < n && !Character.isWhitespace(text.charAt(end)) && end - start < PiiScanner.maxSecretLength()) {
            end++;
        }
        reach = Math.max(reach, end + 1);
        // Sentence punctuation after the value is not part of it; '!' and '?' are kept (over-redacting is safe).
        while (end > start && ".,;:)\"'»”،؛؟".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end <= start) {
            return result(-1, reach);
        }
        end = extendNumberRun(text, start, end);
        reach = Math.max(reach, Math.max(end + 3, start + PLACEHOLDER_LOOKAHEAD));
        String value = text.substring(start, end);
        if (PiiScanner.placeholderEnd(text, start) > 0) {
            // already redacted, possibly with the rest of an over-long token glued on ("[PASSWORD]xxxx"):
            // keeps redact(redact(x)) == redact(x)
            return result(-1, reach);
        }
        String folded = fold(value);
        if (STOPWORDS.contains(folded)) {
            return result(-1, reach);
        }
        if (!strong) {
            int next = skipSpace(text, end);
            int wordEnd = next;
            while (wordEnd < n && Character.isLetter(text.charAt(wordEnd))) {
                wordEnd++;
            }
            reach = Math.max(reach, wordEnd + 1);
            strong = wordEnd > next && TRAILING_COPULA.contains(fold(text.substring(next, wordEnd)));
        }
        if (cue.type() == PiiType.ONE_TIME_CODE) {
            int digits = 0;
            for (int k = 0; k < value.length(); k++) {
                char c = value.charAt(k);
                if (PiiScanner.isDigit(c)) {
                    digits++;
                } else if (!PiiScanner.isAlnum(c) && c != '-') {
                    return result(-1, reach);
                }
            }
            if (digits < 4 || value.length() > 12) {
                return result(-1, reach);
            }
        } else if (!strong && !looksSecret(value)) {
            return result(-1, reach);
        } else if (value.length() < 2 && !looksSecret(value)) {
            return result(-1, reach);
        }
        found.add(new PiiScanner.Finding(cue.type(), start, end));
        return result(end, reach);
    }

    /** Characters {@link PiiScanner#placeholderEnd} may read after a value's start. */
    private static final int PLACEHOLDER_LOOKAHEAD = 40;

    private static long result(int valueEnd, int reach) {
        return ((long) reach << 32) | (valueEnd & 0xFFFFFFFFL);
    }

    /** Index after a connector at {@code pos}, times two, plus one when it is strong; or -1. */
    private static int connector(String text, int pos) {
        int n = text.length();
        for (Connector c : CONNECTORS) {
            String f = c.folded();
            if (pos + f.length() > n) {
                continue;
            }
            boolean match = true;
            for (int k = 0; k < f.length() && match; k++) {
                match = foldChar(text.charAt(pos + k)) == f.charAt(k);
            }
            if (!match) {
                continue;
            }
            int end = pos + f.length();
            if (Character.isLetter(f.charAt(f.length() - 1)) && end < n && Character.isLetterOrDigit(text.charAt(end))) {
                continue;
            }
            return (end << 1) | (c.strong() ? 1 : 0);
        }
        return -1;
    }

    private static boolean looksSecret(String value) {
        boolean lower = false;
        boolean upperAfterLower = false;
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (PiiScanner.isDigit(c) || (!Character.isLetter(c) && c != '\u200C' && c != '-' && c != '\'')) {
                return true;
            }
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c) && lower) {
                upperAfterLower = true;
            }
        }
        return upperAfterLower;
    }

    private static int skipSpace(String text, int pos) {
        while (pos < text.length() && (Character.isWhitespace(text.charAt(pos)) || text.charAt(pos) == '\u00A0')) {
            pos++;
        }
        return pos;
    }

    private static boolean isAscii(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a cue may start with these folded characters. A tatweel or mark among them, which a cue match
     * skips, is let through.
     */
    private static boolean isCueStart(char first, char second, char third) {
        if (isSkippedMark(second) || isSkippedMark(third)) {
            return true;
        }
        return isStart(startHash(first, second, third)) || isStart(startHash(first, second, WILDCARD))
            || isStart(startHash(first, WILDCARD, WILDCARD));
    }

    private static boolean isStart(int hash) {
        return (CUE_STARTS[hash >>> 6] & (1L << hash)) != 0;
    }

    private static boolean isSkippedMark(char c) {
        return c == '\u0640' || (c >= '\u064B' && c <= '\u065F');
    }

    private static int startHash(char first, char second, char third) {
        return ((first * 31 + second) * 0x9E37 ^ third * 0x45D9F3B) >>> 3 & ((1 << 16) - 1);
    }

    static char foldChar(char c) {
        return FOLDED[c];
    }

    private static char computeFold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return switch (c) {
            case 'İ' -> 'i';
            case 'ي', 'ى' -> 'ی';
            case 'ك' -> 'ک';
            case 'أ', 'إ', 'ٱ' -> 'ا';
            default -> Character.toLowerCase(c);
        };
    }

    static String fold(String s) {
        char[] chars = s.toCharArray();
        StringBuilder out = new StringBuilder(chars.length);
        for (char c : chars) {
            if (c == '\u0640' || (c >= '\u064B' && c <= '\u065F')) {
                continue;
            }
            out.append(foldChar(c));
        }
        return out.toString();
    }
}
