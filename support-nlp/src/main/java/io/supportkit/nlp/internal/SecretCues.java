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

    private static final Map<Character, Cue[]> CUES = new HashMap<>();
    /** Cues by first ASCII letter: the common case costs an array read, not a map lookup. */
    private static final Cue[][] ASCII_CUES = new Cue[128][];
    private static final Connector[] CONNECTORS;
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
    static int scan(String text, int i, List<PiiScanner.Finding> found) {
        if (i > 0 && ".@_-/\\".indexOf(text.charAt(i - 1)) >= 0) {
            return i; // inside an address or identifier ("b.sifre", "user_password"): not a cue in a sentence
        }
        char first = foldChar(text.charAt(i));
        Cue[] candidates = first < 128 ? ASCII_CUES[first] : CUES.get(first);
        if (candidates == null) {
            return i;
        }
        for (Cue cue : candidates) {
            int end = matchCue(text, i, cue);
            if (end < 0) {
                continue;
            }
            int valueEnd = value(text, end, cue, found);
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

    /** Parses connectors and the value after a cue; adds the finding and returns its end, or -1. */
    private static int value(String text, int pos, Cue cue, List<PiiScanner.Finding> found) {
        int n = text.length();
        boolean strong = false;
        for (int round = 0; round < 3; round++) {
            pos = skipSpace(text, pos);
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
        // Sentence punctuation after the value is not part of it; '!' and '?' are kept (over-redacting is safe).
        while (end > start && ".,;:)\"'»”،؛؟".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end <= start) {
            return -1;
        }
        end = extendNumberRun(text, start, end);
        String value = text.substring(start, end);
        if (PiiScanner.placeholderEnd(text, start) > 0) {
            // already redacted, possibly with the rest of an over-long token glued on ("[PASSWORD]xxxx"):
            // keeps redact(redact(x)) == redact(x)
            return -1;
        }
        String folded = fold(value);
        if (STOPWORDS.contains(folded)) {
            return -1;
        }
        if (!strong) {
            int next = skipSpace(text, end);
            int wordEnd = next;
            while (wordEnd < n && Character.isLetter(text.charAt(wordEnd))) {
                wordEnd++;
            }
            strong = wordEnd > next && TRAILING_COPULA.contains(fold(text.substring(next, wordEnd)));
        }
        if (cue.type() == PiiType.ONE_TIME_CODE) {
            int digits = 0;
            for (int k = 0; k < value.length(); k++) {
                char c = value.charAt(k);
                if (PiiScanner.isDigit(c)) {
                    digits++;
                } else if (!PiiScanner.isAlnum(c) && c != '-') {
                    return -1;
                }
            }
            if (digits < 4 || value.length() > 12) {
                return -1;
            }
        } else if (!strong && !looksSecret(value)) {
            return -1;
        } else if (value.length() < 2 && !looksSecret(value)) {
            return -1;
        }
        found.add(new PiiScanner.Finding(cue.type(), start, end));
        return end;
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

    static char foldChar(char c) {
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
