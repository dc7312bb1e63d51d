package io.supportkit.nlp.internal;

import io.supportkit.nlp.PiiType;
import io.supportkit.nlp.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds sensitive values in text with hand-written scanners (no regular expressions): every scanner moves
 * forward over the input and looks back or ahead by a bounded amount, so the cost stays linear on adversarial
 * input such as megabytes of digits, of '@' or of one repeated character.
 *
 * <p>Numbers count only when their checksum holds (Luhn, IBAN mod-97, TC Kimlik, Iranian national code), so
 * order numbers such as {@code 245-12784} are never reported. Stateless and thread-safe.
 */
public final class PiiScanner {

    /** One found value: its type and span in the scanned text. */
    public record Finding(PiiType type, int start, int end) {
    }

    private static final int MAX_RUN_DIGITS = 64;
    private static final int MAX_SECRET_LENGTH = 128;

    private PiiScanner() {
    }

    /** All findings in {@code text}, sorted by start, never overlapping (overlapping findings are joined). */
    public static List<Finding> scan(String text) {
        return scan(text, null);
    }

    /**
     * As {@link #scan(String)}, and records in {@code breaks} (when not null) every line break that a scanner read
     * past. No scanner reads across any other line break, in either direction: a number run, an IBAN, an e-mail
     * address and a cue phrase all stop at {@code '\n'}; only the white space between a cue and its value may
     * hold one.
     */
    public static List<Finding> scan(String text, LineBreaks breaks) {
        List<Finding> found = new ArrayList<>();
        int n = text.length();
        int i = 0;
        // Invariant at the top of the loop: text[i - 1] is not a letter or digit (a word boundary), because words
        // are skipped whole; only word starts, digit runs and a few symbols cost more than one comparison.
        // One copy: array reads in the hot loop skip the String's per-call coder and bounds checks.
        char[] chars = text.toCharArray();
        while (i < n) {
            char c = chars[i];
            if (c == ' ') {
                i++; // the most common character first
                continue;
            }
            if (i > 0 && isAlnum(c) && isAlnum(chars[i - 1]) && !endsFinding(found, i)) {
                i = skipAlnum(chars, i); // a finding ended inside a word: the rest of the word is no start
                continue;
            }
            if (c < 0x80 && (c == ' ' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                if (c == ' ') {
                    i++;
                    continue;
                }
                if (i + 3 < n && isAsciiLetter(chars[i + 1]) && isDigit(chars[i + 2])
                    && isDigit(chars[i + 3])) {
                    int end = scanIban(text, i);
                    if (end > 0) {
                        found.add(new Finding(PiiType.IBAN, i, end));
                        i = end;
                        continue;
                    }
                }
                int end = SecretCues.scan(text, i, found, breaks);
                i = end > i ? end : skipAlnum(chars, i);
                continue;
            }
            if (isDigit(c)) {
                if (i > 0 && text.charAt(i - 1) == '*') {
                    // Digits right after '*' are the visible tail of a masked card: never a new finding.
                    while (i < n && (isDigit(text.charAt(i)) || isSeparator(text.charAt(i)))) {
                        i++;
                    }
                    continue;
                }
                i = scanNumberRun(text, i, found);
                continue;
            }
            if (c == '+' && i + 1 < n && isDigit(text.charAt(i + 1))) {
                i = scanNumberRun(text, i, found);
                continue;
            }
            if (c == '[') {
                int end = placeholderEnd(text, i);
                if (end > 0) {
                    i = end; // our own earlier output: keeps redaction idempotent
                    continue;
                }
            } else if (c == '@') {
                scanEmail(text, i, found);
            } else if (c >= 0x80 && isAlnum(c)) { // a letter: digits were taken above
                int end = SecretCues.scan(text, i, found, breaks);
                i = end > i ? end : skipAlnum(chars, i);
                continue;
            }
            i++;
        }
        return resolveOverlaps(found);
    }

    /**
     * Whether the last finding ends at {@code i}. The rest of a word glued to a value ("(55şifrem" after the value
     * "123 45 67 (55") is read as a word start: once the value is replaced, a placeholder's ']' stands before it,
     * and reading it now finds in one pass what replacing would reveal, instead of one more round per glued cue.
     */
    private static boolean endsFinding(List<Finding> found, int i) {
        return !found.isEmpty() && found.get(found.size() - 1).end() == i;
    }

    public static List<Finding> resolveOverlaps(List<Finding> found) {
        if (found.size() < 2) {
            return found;
        }
        found.sort(Comparator.comparingInt(Finding::start).thenComparingInt(f -> -(f.end() - f.start())));
        List<Finding> result = new ArrayList<>(found.size());
        for (Finding f : found) {
            if (!result.isEmpty()) {
                Finding last = result.get(result.size() - 1);
                if (f.start() < last.end()) {
                    // Overlapping findings are joined, not chosen between: what a dropped one covered could
                    // otherwise surface as a new value once its neighbour is replaced (redaction must be
                    // idempotent), and over-redacting is the safe side. The longer one names the type.
                    PiiType type = f.end() - f.start() > last.end() - last.start() ? f.type() : last.type();
                    result.set(result.size() - 1, new Finding(type, last.start(), Math.max(last.end(), f.end())));
                    continue;
                }
            }
            result.add(f);
        }
        return result;
    }

    // ---- numbers: cards, national ids, phones ---------------------------------------------------------------

    /**
     * Reads one run of digit groups separated by at most two separator characters and reports the card
     * numbers, national ids and phone numbers in it. Returns the index after the run.
     */
    private static int scanNumberRun(String text, int start, List<Finding> found) {
        int n = text.length();
        int i = start;
        boolean plus = text.charAt(i) == '+';
        if (plus) {
            i++;
        }
        // Group boundaries: for group g, groupStart[g]/groupEnd[g] are char indices, groupDigits[g] its digits.
        int[] groupStart = new int[8];
        int[] groupEnd = new int[8];
        int groups = 0;
        int totalDigits = 0;
        boolean truncated = false;
        boolean parenthesis = false;
        while (i < n) {
            int gs = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            if (i == gs) {
                break;
            }
            if (groups == groupStart.length) {
                groupStart = java.util.Arrays.copyOf(groupStart, groups * 2);
                groupEnd = java.util.Arrays.copyOf(groupEnd, groups * 2);
            }
            groupStart[groups] = gs;
            groupEnd[groups] = i;
            groups++;
            totalDigits += i - gs;
            if (totalDigits > MAX_RUN_DIGITS) {
                truncated = true;
            }
            // Up to two separators (") " or " (") may join the next group.
            int j = i;
            int seps = 0;
            while (j < n && seps < 2 && isSeparator(text.charAt(j))) {
                parenthesis |= text.charAt(j) == '(' || text.charAt(j) == ')';
                j++;
                seps++;
            }
            if (seps == 0 || j >= n || !isDigit(text.charAt(j))) {
                break;
            }
            i = j;
        }
        int runEnd = groupEnd[groups - 1];
        // A group glued to a letter ("A1234567", "245-12784abc") is part of an identifier, and one glued to an '@'
        // is the local part of an e-mail address (the e-mail scanner reports it whole); the groups before it
        // still stand on their own, as they would once that identifier or address is replaced.
        if (runEnd < n && (isAlnum(text.charAt(runEnd)) || text.charAt(runEnd) == '@')) {
            if (groups == 1) {
                return text.charAt(runEnd) == '@' ? runEnd : skipAlnum(text, runEnd);
            }
            groups--;
            runEnd = groupEnd[groups - 1];
            totalDigits = 0;
            for (int g = 0; g < groups; g++) {
                totalDigits += groupEnd[g] - groupStart[g];
            }
        }
        if (truncated && groups == 1) {
            return runEnd; // one long digit string: neither a card nor a phone
        }
        int before = found.size();
        boolean anyCard = findCards(text, groupStart, groupEnd, groups, found);
        if (anyCard) {
            if (found.size() - before != 1 || found.get(before).start() != groupStart[0]
                    || found.get(before).end() != runEnd) {
                // The card is only part of a longer run of digit groups. Masking just the card would keep its
                // first and last digits next to the rest of the run, where a second pass could read them as a
                // new number (a phone): redact the whole run as one finding, so redaction stays idempotent.
                while (found.size() > before) {
                    found.remove(found.size() - 1);
                }
                found.add(new Finding(PiiType.CARD_NUMBER, groupStart[0], runEnd));
            }
            return runEnd;
        }
        if (!plus) {
            for (int g = 0; g < groups; g++) {
                int len = groupEnd[g] - groupStart[g];
                if (len == 11 && isTcKimlik(text, groupStart[g])) {
                    // with the rest of its run, as for cards: the groups left beside it could read as a phone
                    found.add(new Finding(PiiType.TC_KIMLIK, groupStart[0], runEnd));
                    return runEnd;
                }
                if (len == 10 && groups == 1 && isIranianNationalCode(digits(text, groupStart[g], groupEnd[g]))) {
                    found.add(new Finding(PiiType.IRAN_NATIONAL_CODE, groupStart[g], groupEnd[g]));
                    return runEnd;
                }
            }
            if (groups == 3 && totalDigits == 10 && groupEnd[0] - groupStart[0] == 3
                && groupEnd[2] - groupStart[2] == 1 && isIranianNationalCode(digits(text, start, runEnd))) {
                found.add(new Finding(PiiType.IRAN_NATIONAL_CODE, start, runEnd));
                return runEnd;
            }
        }
        if (!truncated && isPhone(text, start, plus, totalDigits, groups, parenthesis)) {
            found.add(new Finding(PiiType.PHONE, start, runEnd));
        }
        return runEnd;
    }

    private static boolean isPhone(String text, int start, boolean plus, int digits, int groups,
                                   boolean parenthesis) {
        if (plus) {
            return digits >= 8 && digits <= 15;
        }
        int first = TextNormalizer.digitValue(text.charAt(start));
        if (first == 0) {
            int second = TextNormalizer.digitValue(text.charAt(start + 1 < text.length() ? start + 1 : start));
            if (second == 0) {
                return digits >= 12 && digits <= 17; // 00 + country code + at least eight digits
            }
            return digits >= 10 && digits <= 11; // national trunk prefix: 0532..., 0912...
        }
        return parenthesis && groups >= 3 && digits >= 10 && digits <= 11; // (555) 123-4567
    }

    /** Reports Luhn-valid windows of whole groups with 13-19 digits; true when one was found. */
    private static boolean findCards(String text, int[] groupStart, int[] groupEnd, int groups, List<Finding> found) {
        boolean any = false;
        int g = 0;
        while (g < groups) {
            int digits = 0;
            int bestEnd = -1;
            for (int h = g; h < groups; h++) {
                digits += groupEnd[h] - groupStart[h];
                if (digits > 19) {
                    break;
                }
                if (digits >= 13 && luhn(text, groupStart, groupEnd, g, h)) {
                    bestEnd = h;
                }
            }
            if (bestEnd >= 0) {
                found.add(new Finding(PiiType.CARD_NUMBER, groupStart[g], groupEnd[bestEnd]));
                any = true;
                g = bestEnd + 1;
            } else {
                g++;
            }
        }
        return any;
    }

    private static boolean luhn(String text, int[] groupStart, int[] groupEnd, int from, int to) {
        int sum = 0;
        boolean doubled = false;
        for (int g = to; g >= from; g--) {
            for (int i = groupEnd[g] - 1; i >= groupStart[g]; i--) {
                int d = TextNormalizer.digitValue(text.charAt(i));
                if (doubled) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
                doubled = !doubled;
            }
        }
        return sum % 10 == 0;
    }

    /** Luhn check of a plain digit string (ASCII or other supported digits). */
    public static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean doubled = false;
        int count = 0;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = TextNormalizer.digitValue(digits.charAt(i));
            if (d < 0) {
                continue;
            }
            count++;
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return count > 0 && sum % 10 == 0;
    }

    /** TC Kimlik: 11 digits, first non-zero, 10th and 11th digits are check digits. */
    static boolean isTcKimlik(String text, int start) {
        int[] d = new int[11];
        for (int k = 0; k < 11; k++) {
            d[k] = TextNormalizer.digitValue(text.charAt(start + k));
        }
        return isTcKimlik(d);
    }

    /** TC Kimlik checksum over 11 digit values. */
    public static boolean isTcKimlik(int[] d) {
        if (d.length != 11 || d[0] == 0) {
            return false;
        }
        int odd = d[0] + d[2] + d[4] + d[6] + d[8];
        int even = d[1] + d[3] + d[5] + d[7];
        int tenth = Math.floorMod(odd * 7 - even, 10);
        if (tenth != d[9]) {
            return false;
        }
        int sum = 0;
        for (int k = 0; k < 10; k++) {
            sum += d[k];
        }
        return sum % 10 == d[10];
    }

    /** Iranian national code checksum over 10 digit values; codes of one repeated digit are invalid. */
    public static boolean isIranianNationalCode(int[] d) {
        if (d.length != 10) {
            return false;
        }
        boolean allSame = true;
        for (int k = 1; k < 10; k++) {
            allSame &= d[k] == d[0];
        }
        if (allSame) {
            return false;
        }
        int sum = 0;
        for (int k = 0; k < 9; k++) {
            sum += d[k] * (10 - k);
        }
        int r = sum % 11;
        return r < 2 ? d[9] == r : d[9] == 11 - r;
    }

    private static int[] digits(String text, int start, int end) {
        int[] d = new int[10];
        int k = 0;
        for (int i = start; i < end && k < 10; i++) {
            int v = TextNormalizer.digitValue(text.charAt(i));
            if (v >= 0) {
                d[k++] = v;
            }
        }
        return k == 10 ? d : new int[0];
    }

    // ---- IBAN ------------------------------------------------------------------------------------------------

    /** Index after a checksum-valid IBAN starting at {@code start}, or -1. */
    private static int scanIban(String text, int start) {
        int n = text.length();
        char[] chars = new char[34];
        int[] ends = new int[34];
        int count = 0;
        int i = start;
        while (i < n && count < 34) {
            char c = text.charAt(i);
            if (isAsciiLetter(c) || isDigit(c)) {
                chars[count] = c;
                ends[count] = i + 1;
                count++;
                i++;
            } else if (c == ' ' && count >= 4 && i + 1 < n && (isAsciiLetter(text.charAt(i + 1))
                || isDigit(text.charAt(i + 1)))) {
                i++;
            } else {
                break;
            }
        }
        if (count < 15) {
            return -1;
        }
        String country = ("" + chars[0] + chars[1]).toUpperCase(java.util.Locale.ROOT);
        int expected = ibanLength(country);
        for (int len = count; len >= 15; len--) {
            if (expected > 0 && len != expected) {
                continue;
            }
            int end = ends[len - 1];
            // The IBAN must end at a boundary (or at a group boundary inside a longer spaced run).
            if (end < n && isAlnum(text.charAt(end))) {
                continue;
            }
            if (ibanChecksum(chars, len)) {
                return end;
            }
        }
        return -1;
    }

    /** Mod-97 check (ISO 13616) over the first {@code len} characters. */
    static boolean ibanChecksum(char[] chars, int len) {
        int remainder = 0;
        for (int k = 0; k < len; k++) {
            char c = chars[(k + 4) % len];
            int v;
            int d = TextNormalizer.digitValue(c);
            if (d >= 0) {
                v = d;
                remainder = (remainder * 10 + v) % 97;
            } else {
                v = Character.toUpperCase(c) - 'A' + 10;
                if (v < 10 || v > 35) {
                    return false;
                }
                remainder = (remainder * 100 + v) % 97;
            }
        }
        return remainder == 1;
    }

    /** Mod-97 check of a whole IBAN string (spaces allowed). */
    public static boolean ibanChecksum(String iban) {
        char[] chars = new char[iban.length()];
        int len = 0;
        for (int i = 0; i < iban.length(); i++) {
            char c = iban.charAt(i);
            if (c != ' ') {
                chars[len++] = c;
            }
        }
        return len >= 15 && ibanChecksum(chars, len);
    }

    private static int ibanLength(String country) {
        return switch (country) {
            case "TR", "IR" -> 26;
            case "CH", "LI", "LV" -> 21;
            case "DE", "GB", "IE", "BG", "BH", "GE", "ME", "RS" -> 22;
            case "FR", "IT", "MC", "SM", "GR" -> 27;
            case "ES", "SE", "SK", "CZ", "TN", "MD", "RO", "VG", "PK", "SA" -> 24;
            case "NL", "DK", "FI", "FO", "GL" -> 18;
            case "BE" -> 16;
            case "AT", "EE", "LT", "KZ", "XK", "LU" -> 20;
            case "PL", "CY", "HU", "AZ" -> 28;
            case "PT" -> 25;
            case "AE", "IL" -> 23;
            case "NO" -> 15;
            case "SI" -> 19;
            default -> 0;
        };
    }

    // ---- e-mail ----------------------------------------------------------------------------------------------

    private static void scanEmail(String text, int at, List<Finding> found) {
        int n = text.length();
        int left = at;
        // No length limit on either side: a cut-off address would leave its head or tail behind, readable as a
        // new value once the rest is replaced. Each walk stops at the previous '@', so the scan stays linear.
        while (left > 0 && isLocalChar(text.charAt(left - 1))) {
            left--;
        }
        while (left < at && (text.charAt(left) == '.' || text.charAt(left) == '-')) {
            left++;
        }
        if (left == at) {
            return;
        }
        int right = at + 1;
        int lastDot = -1;
        while (right < n && isDomainChar(text.charAt(right))) {
            if (text.charAt(right) == '.') {
                lastDot = right;
            }
            right++;
        }
        // Trailing dots and hyphens belong to the sentence, not the address.
        while (right > at + 1 && (text.charAt(right - 1) == '.' || text.charAt(right - 1) == '-')) {
            right--;
            if (lastDot >= right) {
                lastDot = -1;
                for (int k = right - 1; k > at; k--) {
                    if (text.charAt(k) == '.') {
                        lastDot = k;
                        break;
                    }
                }
            }
        }
        if (lastDot <= at + 1 || right - lastDot - 1 < 2) {
            return;
        }
        for (int k = lastDot + 1; k < right; k++) {
            if (!Character.isLetter(text.charAt(k))) {
                return;
            }
        }
        found.add(new Finding(PiiType.EMAIL, left, right));
    }

    private static boolean isLocalChar(char c) {
        return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return isAlnum(c) || c == '.' || c == '-';
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    static boolean isDigit(char c) {
        return TextNormalizer.digitValue(c) >= 0;
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAlnum(char c) {
        return (ALNUM[c >>> 6] & (1L << c)) != 0;
    }

    /** {@link Character#isLetterOrDigit(char)} for every UTF-16 unit as one 8 KB bit table: the scan's hot test. */
    private static final long[] ALNUM = new long[1 << 10];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.isLetterOrDigit((char) c)) {
                ALNUM[c >>> 6] |= 1L << c;
            }
        }
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '\u00A0';
    }

    private static int skipAlnum(char[] chars, int i) {
        while (i < chars.length && isAlnum(chars[i])) {
            i++;
        }
        return i;
    }

    private static int skipAlnum(String text, int i) {
        while (i < text.length() && isAlnum(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Index after a placeholder such as "[EMAIL]" or "[PASSWORD:kqzrwmfa]" at {@code i}, or -1. */
    static int placeholderEnd(String text, int i) {
        int n = text.length();
        int k = i + 1;
        while (k < n && k - i < 24 && ((text.charAt(k) >= 'A' && text.charAt(k) <= 'Z') || text.charAt(k) == '_')) {
            k++;
        }
        if (k == i + 1 || k >= n) {
            return -1;
        }
        if (text.charAt(k) == ':') {
            int h = k + 1;
            while (h < n && h - k <= 8 && text.charAt(h) >= 'a' && text.charAt(h) <= 'z') {
                h++;
            }
            k = h;
        }
        return k < n && text.charAt(k) == ']' ? k + 1 : -1;
    }

    static int maxSecretLength() {
        return MAX_SECRET_LENGTH;
    }
}
