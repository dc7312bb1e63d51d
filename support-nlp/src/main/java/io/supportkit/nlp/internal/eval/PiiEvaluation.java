package io.supportkit.nlp.internal.eval;

import io.supportkit.nlp.PiiType;
import io.supportkit.nlp.Redaction;
import io.supportkit.nlp.RedactionResult;
import io.supportkit.nlp.Redactor;
import io.supportkit.nlp.internal.PiiScanner;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Recall of the redactor on generated checksum-valid values (cards, IBANs TR/IR/DE, TC Kimlik, Iranian national
 * codes, e-mails, phones, passwords, one-time codes) inside English, Turkish and Persian sentences, in ASCII and
 * Persian digits; and false positives on order numbers and checksum-failing numbers. Seeded, so re-runnable.
 */
public final class PiiEvaluation {

    private static final String[][] TEMPLATES = {
        {"en", "my card number is %s thanks", "%s"},
        {"tr", "kart numaram %s lütfen kontrol edin", "%s"},
        {"fa", "شماره کارت من %s است", "%s"}};

    private PiiEvaluation() {
    }

    /** A value of {@code type} that passes its checksum, from {@code random}. */
    public static String valid(PiiType type, Random random, boolean persianDigits) {
        String v = switch (type) {
            case CARD_NUMBER -> card(random);
            case IBAN -> iban(random, new String[] {"TR", "IR", "DE"}[random.nextInt(3)]);
            case TC_KIMLIK -> tcKimlik(random);
            case IRAN_NATIONAL_CODE -> iranCode(random);
            case EMAIL -> "user" + random.nextInt(10_000) + "@example" + random.nextInt(100) + ".com";
            case PHONE -> new String[] {"+90 532 " + digits(random, 3) + " " + digits(random, 2) + " " + digits(random, 2),
                "+98 912 " + digits(random, 3) + " " + digits(random, 4), "0912" + digits(random, 7),
                "0532 " + digits(random, 3) + " " + digits(random, 4)}[random.nextInt(4)];
            case PASSWORD -> "Hx" + digits(random, 4) + "q!";
            case ONE_TIME_CODE -> digits(random, 6);
        };
        return persianDigits && type != PiiType.EMAIL && type != PiiType.IBAN ? toPersian(v) : v;
    }

    static String sentence(PiiType type, String lang, String value) {
        return switch (type) {
            case PASSWORD -> switch (lang) {
                case "tr" -> "şifrem " + value + " lütfen yardım edin";
                case "fa" -> "رمز عبورم " + value + " است";
                default -> "my password is " + value + " please help";
            };
            case ONE_TIME_CODE -> switch (lang) {
                case "tr" -> "doğrulama kodu " + value + " geldi";
                case "fa" -> "کد تایید " + value + " است";
                default -> "the verification code is " + value;
            };
            default -> switch (lang) {
                case "tr" -> "bilgim şu: " + value + " lütfen kontrol edin";
                case "fa" -> "اطلاعات من " + value + " است";
                default -> "my details: " + value + ", thanks";
            };
        };
    }

    public static void run(int perType, PrintStream out) {
        Random random = new Random(20_240_801L);
        Redactor redactor = Redactor.masking();
        Map<PiiType, int[]> recall = new EnumMap<>(PiiType.class);
        for (PiiType type : PiiType.values()) {
            for (int i = 0; i < perType; i++) {
                String lang = TEMPLATES[i % 3][0];
                boolean persian = lang.equals("fa") && i % 2 == 0;
                String value = valid(type, random, persian);
                String text = sentence(type, lang, value);
                RedactionResult r = redactor.redact(text);
                int at = text.indexOf(value);
                boolean hit = false;
                for (Redaction red : r.redactions()) {
                    hit |= red.type() == type && red.start() <= at && red.end() >= at + value.length();
                }
                int[] c = recall.computeIfAbsent(type, k -> new int[2]);
                c[1]++;
                if (hit) {
                    c[0]++;
                }
            }
        }
        out.println("| type | found / values | recall |");
        out.println("|---|---|---|");
        recall.forEach((t, c) -> out.printf(Locale.ROOT, "| %s | %d / %d | %.4f |%n", t, c[0], c[1], (double) c[0] / c[1]));
        int falsePositives = 0;
        int total = 0;
        for (int i = 0; i < perType * 4; i++) {
            String order = List.of(digits(random, 3) + "-" + digits(random, 5), "#A" + digits(random, 7),
                digits(random, 8), toPersian(digits(random, 3) + "-" + digits(random, 5)), invalidCard(random))
                .get(i % 5);
            String text = "my order number is " + order + " and sipariş numaram " + order;
            total++;
            if (redactor.redact(text).found()) {
                falsePositives++;
            }
        }
        out.printf(Locale.ROOT, "%nfalse positives on order numbers and Luhn-invalid 16-digit numbers: %d / %d%n",
            falsePositives, total);
    }

    static String digits(Random random, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    static String toPersian(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) ('۰' + (c - '0')) : c);
        }
        return b.toString();
    }

    static String card(Random random) {
        String prefix = new String[] {"4", "51", "37", "6011", "9792"}[random.nextInt(5)];
        int length = prefix.equals("37") ? 15 : 16;
        String body = prefix + digits(random, length - prefix.length() - 1);
        for (int check = 0; check < 10; check++) {
            if (PiiScanner.luhn(body + check)) {
                String full = body + check;
                return random.nextBoolean() ? full : group(full, random.nextBoolean() ? ' ' : '-');
            }
        }
        throw new IllegalStateException("no Luhn digit for " + body);
    }

    static String invalidCard(Random random) {
        String c = card(random).replace(" ", "").replace("-", "");
        char last = c.charAt(c.length() - 1);
        return c.substring(0, c.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    private static String group(String digits, char sep) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                b.append(sep);
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    static String iban(Random random, String country) {
        int length = country.equals("DE") ? 22 : 26;
        String bban = digits(random, length - 4);
        for (int check = 2; check <= 98; check++) {
            String candidate = country + String.format(Locale.ROOT, "%02d", check) + bban;
            if (PiiScanner.ibanChecksum(candidate)) {
                return random.nextBoolean() ? candidate : group(candidate, ' ');
            }
        }
        throw new IllegalStateException("no IBAN check digits");
    }

    static String tcKimlik(Random random) {
        while (true) {
            int[] d = new int[11];
            d[0] = 1 + random.nextInt(9);
            for (int k = 1; k < 9; k++) {
                d[k] = random.nextInt(10);
            }
            d[9] = Math.floorMod((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7]), 10);
            int sum = 0;
            for (int k = 0; k < 10; k++) {
                sum += d[k];
            }
            d[10] = sum % 10;
            if (PiiScanner.isTcKimlik(d)) {
                StringBuilder b = new StringBuilder();
                for (int v : d) {
                    b.append(v);
                }
                return b.toString();
            }
        }
    }

    static String iranCode(Random random) {
        while (true) {
            int[] d = new int[10];
            for (int k = 0; k < 9; k++) {
                d[k] = random.nextInt(10);
            }
            int sum = 0;
            for (int k = 0; k < 9; k++) {
                sum += d[k] * (10 - k);
            }
            int r = sum % 11;
            d[9] = r < 2 ? r : 11 - r;
            if (PiiScanner.isIranianNationalCode(d)) {
                StringBuilder b = new StringBuilder();
                for (int v : d) {
                    b.append(v);
                }
                return b.toString();
            }
        }
    }
}
