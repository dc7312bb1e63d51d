package io.supportkit.nlp;

import java.math.BigInteger;
import java.util.Locale;

/** Checksum-valid test values computed independently of the production scanners. */
final class TestValues {

    private TestValues() {
    }

    static boolean luhnValid(String digits) {
        String d = digits.replaceAll("[^0-9]", "");
        int sum = 0;
        for (int i = 0; i < d.length(); i++) {
            int v = d.charAt(d.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                v = v * 2 > 9 ? v * 2 - 9 : v * 2;
            }
            sum += v;
        }
        return !d.isEmpty() && sum % 10 == 0;
    }

    /** Appends the Luhn check digit to {@code body}. */
    static String withLuhnDigit(String body) {
        for (int c = 0; c <= 9; c++) {
            if (luhnValid(body + c)) {
                return body + c;
            }
        }
        throw new AssertionError(body);
    }

    /** An IBAN with correct check digits for country and BBAN (ISO 13616 with BigInteger). */
    static String iban(String country, String bban) {
        String rearranged = bban + country + "00";
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return country + String.format(Locale.ROOT, "%02d", check) + bban;
    }

    /** TC Kimlik with both check digits for the first nine digits. */
    static String tcKimlik(String nine) {
        int[] d = nine.chars().map(c -> c - '0').toArray();
        int tenth = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10;
        if (tenth < 0) {
            tenth += 10;
        }
        int sum = 0;
        for (int v : d) {
            sum += v;
        }
        sum += tenth;
        return nine + tenth + (sum % 10);
    }

    /** Iranian national code with its check digit for the first nine digits. */
    static String iranCode(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int r = sum % 11;
        return nine + (r < 2 ? r : 11 - r);
    }

    static String persianDigits(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) ('۰' + c - '0') : c);
        }
        return b.toString();
    }

    static String arabicIndicDigits(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) ('٠' + c - '0') : c);
        }
        return b.toString();
    }
}
