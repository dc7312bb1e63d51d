package io.supportkit.nlp.internal;

import io.supportkit.nlp.Entity;
import io.supportkit.nlp.EntityType;
import io.supportkit.nlp.Language;
import io.supportkit.nlp.OrderNumberFormat;
import io.supportkit.nlp.PiiType;
import io.supportkit.nlp.TextNormalizer;
import io.supportkit.nlp.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Extracts order numbers, e-mails, phones, money, dates, relative dates and products with forward scanners over
 * the text and its tokens (no regular expressions). Immutable after construction and thread-safe.
 */
public final class EntityExtractor {

    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Map<String, Integer> PERSIAN_MONTHS = new HashMap<>();
    /**
     * The first four letters of the month names of at least five letters, packed in a long and sorted, and the name
     * each stands for (one per prefix): a word's prefix is found without cutting a substring out of every longer
     * word of every message.
     */
    private static final long[] MONTH_PREFIX_KEYS;
    private static final String[] MONTH_PREFIX_NAMES;
    /** The first two letters of every word the date tables know (months, relative days, number words). */
    private static final StartFilter DATE_WORD_STARTS = new StartFilter();
    private static final Map<String, String> RELATIVE_DAYS = new HashMap<>();
    private static final Map<String, Character> UNITS = new HashMap<>();
    private static final Map<String, Integer> NUMBER_WORDS = new HashMap<>();
    private static final Map<String, Integer> DIRECTION = new HashMap<>();
    private static final Map<String, String> CURRENCY_AFTER = new HashMap<>();
    private static final Map<Character, String> CURRENCY_SYMBOL = Map.of('$', "USD", '€', "EUR", '£', "GBP",
        '₺', "TRY", '﷼', "IRR", '¥', "JPY", '₽', "RUB");
    private static final PhraseSet<Boolean> ORDER_CUES = new PhraseSet<Boolean>().add(true, "order number",
        "order no", "order id", "order #", "order", "sipariş numara*", "sipariş no*", "sipariş kod*",
        "شماره سفارش*", "کد سفارش*", "سفارش*");
    private static final List<EntityType> PRIORITY = List.of(EntityType.EMAIL, EntityType.PHONE,
        EntityType.ORDER_NUMBER, EntityType.MONEY, EntityType.DATE, EntityType.RELATIVE_DATE, EntityType.PRODUCT);

    static {
        String[][] months = {
            {"january", "jan", "ocak", "ژانویه", "ژانویه", "يناير"},
            {"february", "feb", "şubat", "فوریه", "فوریه", "فبراير"},
            {"march", "mar", "mart", "مارس", "مارچ", "مارس"},
            {"april", "apr", "nisan", "آوریل", "آپریل", "أبريل"},
            {"may", "may", "mayıs", "مه", "می", "مايو"},
            {"june", "jun", "haziran", "ژوئن", "جون", "يونيو"},
            {"july", "jul", "temmuz", "ژوئیه", "جولای", "يوليو"},
            {"august", "aug", "ağustos", "اوت", "آگوست", "أغسطس"},
            {"september", "sep", "eylül", "سپتامبر", "سپتامبر", "سبتمبر"},
            {"october", "oct", "ekim", "اکتبر", "اکتبر", "أكتوبر"},
            {"november", "nov", "kasım", "نوامبر", "نوامبر", "نوفمبر"},
            {"december", "dec", "aralık", "دسامبر", "دسامبر", "ديسمبر"}};
        for (int m = 0; m < 12; m++) {
            for (String name : months[m]) {
                MONTHS.put(SecretCues.fold(name), m + 1);
            }
        }
        MONTHS.put("sept", 9);
        Map<Long, String> monthByPrefix = new HashMap<>();
        for (String name : MONTHS.keySet()) {
            if (name.length() >= 5) {
                monthByPrefix.putIfAbsent(packedPrefix(name), name);
            }
        }
        MONTH_PREFIX_KEYS = monthByPrefix.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        MONTH_PREFIX_NAMES = new String[MONTH_PREFIX_KEYS.length];
        for (int k = 0; k < MONTH_PREFIX_KEYS.length; k++) {
            MONTH_PREFIX_NAMES[k] = monthByPrefix.get(MONTH_PREFIX_KEYS[k]);
        }
        String[][] numberWords = {
            {"one", "a", "bir", "یک", "یه"}, {"two", "iki", "دو"}, {"three", "üç", "سه"}, {"four", "dört", "چهار"},
            {"five", "beş", "پنج"}, {"six", "altı", "شش"}, {"seven", "yedi", "هفت"}, {"eight", "sekiz", "هشت"},
            {"nine", "dokuz", "نه"}, {"ten", "on", "ده"}};
        for (int k = 0; k < numberWords.length; k++) {
            for (String w : numberWords[k]) {
                NUMBER_WORDS.put(SecretCues.fold(w), k + 1);
            }
        }
        String[] persian = {"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی",
            "بهمن", "اسفند"};
        for (int m = 0; m < 12; m++) {
            PERSIAN_MONTHS.put(SecretCues.fold(persian[m]), m + 1);
        }
        for (String w : List.of("today", "tonight", "bugün", "bu gün", "امروز", "امشب")) {
            RELATIVE_DAYS.put(SecretCues.fold(w), "P0D");
        }
        for (String w : List.of("yesterday", "dün", "دیروز", "دیشب")) {
            RELATIVE_DAYS.put(SecretCues.fold(w), "-P1D");
        }
        for (String w : List.of("tomorrow", "yarın", "فردا")) {
            RELATIVE_DAYS.put(SecretCues.fold(w), "P1D");
        }
        RELATIVE_DAYS.put(SecretCues.fold("پریروز"), "-P2D");
        RELATIVE_DAYS.put(SecretCues.fold("پس\u200Cفردا"), "P2D");
        for (String w : List.of("day", "days", "gün", "روز")) {
            UNITS.put(SecretCues.fold(w), 'D');
        }
        for (String w : List.of("week", "weeks", "hafta", "هفته")) {
            UNITS.put(SecretCues.fold(w), 'W');
        }
        for (String w : List.of("month", "months", "ay", "ماه")) {
            UNITS.put(SecretCues.fold(w), 'M');
        }
        for (String w : List.of("hour", "hours", "saat", "ساعت")) {
            UNITS.put(SecretCues.fold(w), 'H');
        }
        for (String w : List.of("ago", "önce", "evvel", "پیش", "قبل")) {
            DIRECTION.put(SecretCues.fold(w), -1);
        }
        for (String w : List.of("later", "sonra", "içinde", "بعد", "دیگه", "دیگر")) {
            DIRECTION.put(SecretCues.fold(w), 1);
        }
        for (String w : List.of("late", "delayed", "overdue", "gecikti", "gecikme", "gecikmeli", "geç", "تاخیر",
            "تأخیر", "دیر")) {
            DIRECTION.put(SecretCues.fold(w), 0);
        }
        for (Map<String, ?> table : List.of(MONTHS, PERSIAN_MONTHS, RELATIVE_DAYS, NUMBER_WORDS)) {
            for (String word : table.keySet()) {
                DATE_WORD_STARTS.add(startKey(word));
            }
        }
        String[][] currencies = {
            {"USD", "usd", "dollar", "dollars", "dolar", "دلار"},
            {"EUR", "eur", "euro", "euros", "avro", "یورو"},
            {"GBP", "gbp", "pound", "pounds", "sterlin", "پوند"},
            {"TRY", "tl", "try", "lira", "liras", "türk lirası", "لیر"},
            {"IRR", "irr", "rial", "rials", "ریال"},
            {"IRT", "toman", "tomans", "تومان", "تومن"}};
        for (String[] c : currencies) {
            for (int k = 1; k < c.length; k++) {
                CURRENCY_AFTER.put(SecretCues.fold(c[k]), c[0]);
            }
        }
    }

    private final List<OrderNumberFormat> formats;
    private final PhraseSet<String> products;
    private final boolean hasProducts;

    public EntityExtractor(List<OrderNumberFormat> formats, List<String> productNames) {
        this.formats = List.copyOf(formats);
        PhraseSet<String> set = new PhraseSet<>();
        for (String name : productNames) {
            set.add(name, name);
        }
        this.products = set;
        this.hasProducts = !productNames.isEmpty();
    }

    public List<Entity> extract(String text, List<Token> tokens, List<PiiScanner.Finding> pii, Language language) {
        List<Entity> found = new ArrayList<>();
        for (PiiScanner.Finding f : pii) {
            if (f.type() == PiiType.EMAIL || f.type() == PiiType.PHONE) {
                String value = text.substring(f.start(), f.end());
                found.add(new Entity(f.type() == PiiType.EMAIL ? EntityType.EMAIL : EntityType.PHONE, f.start(), f.end(),
                    value, f.type() == PiiType.EMAIL ? value.toLowerCase(Locale.ROOT) : phoneValue(value)));
            }
        }
        orderNumbers(text, tokens, found);
        money(text, found);
        numericDates(text, language, found);
        tokenDates(text, tokens, found);
        if (hasProducts) {
            products.match(tokens, (name, a, b) -> found.add(new Entity(EntityType.PRODUCT, tokens.get(a).start(),
                tokens.get(b).end(), text.substring(tokens.get(a).start(), tokens.get(b).end()), name)));
        }
        return resolve(found);
    }

    private static List<Entity> resolve(List<Entity> found) {
        if (found.size() < 2) {
            return found;
        }
        found.sort(Comparator.comparingInt((Entity e) -> PRIORITY.indexOf(e.type())).thenComparingInt(Entity::start));
        List<Entity> kept = new ArrayList<>(found.size());
        for (Entity e : found) {
            boolean overlaps = false;
            for (Entity k : kept) {
                if (e.start() < k.end() && k.start() < e.end()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(e);
            }
        }
        kept.sort(Comparator.comparingInt(Entity::start));
        return kept;
    }

    private void orderNumbers(String text, List<Token> tokens, List<Entity> found) {
        int n = text.length();
        if (!formats.isEmpty()) {
            for (int i = 0; i < n; i++) {
                if (i > 0 && PiiScanner.isAlnum(text.charAt(i - 1))) {
                    continue;
                }
                for (OrderNumberFormat f : formats) {
                    int end = i + f.length();
                    if (f.matchesAt(text, i) && (end >= n || !PiiScanner.isAlnum(text.charAt(end)))) {
                        String raw = text.substring(i, end);
                        found.add(new Entity(EntityType.ORDER_NUMBER, i, end, raw, TextNormalizer.asciiDigits(raw)));
                        i = end - 1;
                        break;
                    }
                }
            }
        }
        // "my order number is X" / "sipariş numaram X" / "شماره سفارش X": an identifier with three digits or more.
        ORDER_CUES.match(tokens, (v, a, b) -> {
            int pos = tokens.get(b).end();
            for (int round = 0; round < 3 && pos < n; round++) {
                while (pos < n && (Character.isWhitespace(text.charAt(pos)) || text.charAt(pos) == ':')) {
                    pos++;
                }
                int wordEnd = pos;
                while (wordEnd < n && Character.isLetter(text.charAt(wordEnd))) {
                    wordEnd++;
                }
                String word = SecretCues.fold(text.substring(pos, wordEnd));
                if (word.equals("is") || word.equals("was") || word.equals("من") || word.equals("number")
                    || word.equals("no") || word.equals("ام")) {
                    pos = wordEnd;
                } else {
                    break;
                }
            }
            int start = pos;
            int end = pos;
            int digits = 0;
            while (end < n && end - start < 24 && (PiiScanner.isAlnum(text.charAt(end)) || text.charAt(end) == '-'
                || (text.charAt(end) == '#' && end == start))) {
                digits += TextNormalizer.digitValue(text.charAt(end)) >= 0 ? 1 : 0;
                end++;
            }
            while (end > start && text.charAt(end - 1) == '-') {
                end--;
            }
            if (digits >= 3 && end - start >= 4) {
                String raw = text.substring(start, end);
                found.add(new Entity(EntityType.ORDER_NUMBER, start, end, raw, TextNormalizer.asciiDigits(raw)));
            }
        });
    }

    private static void money(String text, List<Entity> found) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (TextNormalizer.digitValue(c) < 0 || (i > 0 && PiiScanner.isAlnum(text.charAt(i - 1))
                && TextNormalizer.digitValue(text.charAt(i - 1)) < 0)) {
                i++;
                continue;
            }
            if (i > 0 && TextNormalizer.digitValue(text.charAt(i - 1)) >= 0) {
                i++;
                continue;
            }
            int start = i;
            int end = i;
            while (end < n && end - start < 32) {
                char ch = text.charAt(end);
                if (TextNormalizer.digitValue(ch) >= 0) {
                    end++;
                } else if ((ch == '.' || ch == ',' || ch == '٫' || ch == '٬') && end + 1 < n
                    && TextNormalizer.digitValue(text.charAt(end + 1)) >= 0) {
                    end++;
                } else {
                    break;
                }
            }
            long multiplier = 1;
            String currency = null;
            int spanStart = start;
            int spanEnd = end;
            int before = start - 1;
            while (before >= 0 && text.charAt(before) == ' ' && start - before < 3) {
                before--;
            }
            if (before >= 0 && CURRENCY_SYMBOL.containsKey(text.charAt(before))) {
                currency = CURRENCY_SYMBOL.get(text.charAt(before));
                spanStart = before;
            } else {
                int after = end;
                while (after < n && text.charAt(after) == ' ' && after - end < 2) {
                    after++;
                }
                if (after < n && CURRENCY_SYMBOL.containsKey(text.charAt(after))) {
                    currency = CURRENCY_SYMBOL.get(text.charAt(after));
                    spanEnd = after + 1;
                } else {
                    int wordEnd = after;
                    while (wordEnd < n && (Character.isLetter(text.charAt(wordEnd)) || text.charAt(wordEnd) == '\u200C')) {
                        wordEnd++;
                    }
                    String word = wordEnd == after ? "" : SecretCues.fold(text.substring(after, wordEnd));
                    long scale = switch (word) {
                        case "هزار", "bin", "thousand", "k" -> 1_000L;
                        case "میلیون", "milyon", "million" -> 1_000_000L;
                        default -> 1L;
                    };
                    if (scale > 1) {
                        int next = wordEnd;
                        while (next < n && text.charAt(next) == ' ' && next - wordEnd < 2) {
                            next++;
                        }
                        int nextEnd = next;
                        while (nextEnd < n && Character.isLetter(text.charAt(nextEnd))) {
                            nextEnd++;
                        }
                        String unit = SecretCues.fold(text.substring(next, nextEnd));
                        if (CURRENCY_AFTER.containsKey(unit)) {
                            currency = CURRENCY_AFTER.get(unit);
                            spanEnd = nextEnd;
                            multiplier = scale;
                        }
                    } else if (CURRENCY_AFTER.containsKey(word)) {
                        currency = CURRENCY_AFTER.get(word);
                        spanEnd = wordEnd;
                    }
                }
            }
            // the amount is read only for a number that has a currency: most numbers in chat have none
            String amount = currency == null ? null : amount(text.substring(start, end));
            if (amount != null && multiplier > 1) {
                amount = multiply(amount, multiplier);
            }
            if (currency != null && amount != null) {
                found.add(new Entity(EntityType.MONEY, spanStart, spanEnd, text.substring(spanStart, spanEnd),
                    amount + " " + currency));
            }
            i = Math.max(end, i + 1);
        }
    }

    /** "1.250,50" -> "1250.50"; a last separator followed by exactly three digits groups thousands. */
    static String amount(String raw) {
        String digits = TextNormalizer.asciiDigits(raw).replace('٫', '.').replace('٬', ',');
        int last = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
        if (last < 0) {
            return digits;
        }
        boolean decimal = digits.length() - last - 1 != 3;
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < digits.length(); k++) {
            char ch = digits.charAt(k);
            if (ch == '.' || ch == ',') {
                if (k == last && decimal) {
                    out.append('.');
                }
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static String multiply(String amount, long multiplier) {
        try {
            return new java.math.BigDecimal(amount).multiply(java.math.BigDecimal.valueOf(multiplier))
                .stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return amount;
        }
    }

    private static void numericDates(String text, Language language, List<Entity> found) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (TextNormalizer.digitValue(text.charAt(i)) < 0 || (i > 0 && PiiScanner.isAlnum(text.charAt(i - 1)))) {
                continue;
            }
            int[] parts = new int[3];
            int[] lengths = new int[3];
            int pos = i;
            char sep = 0;
            int k = 0;
            for (; k < 3; k++) {
                int s = pos;
                int v = 0;
                while (pos < n && pos - s < 4 && TextNormalizer.digitValue(text.charAt(pos)) >= 0) {
                    v = v * 10 + TextNormalizer.digitValue(text.charAt(pos));
                    pos++;
                }
                if (pos == s) {
                    break;
                }
                parts[k] = v;
                lengths[k] = pos - s;
                if (k < 2) {
                    if (pos >= n) {
                        k++;
                        break;
                    }
                    char c = text.charAt(pos);
                    if ((c != '.' && c != '/' && c != '-') || (sep != 0 && c != sep)) {
                        k++;
                        break;
                    }
                    sep = c;
                    pos++;
                }
            }
            if (k != 3 || (pos < n && PiiScanner.isAlnum(text.charAt(pos)))) {
                continue;
            }
            int year;
            int month;
            int day;
            if (lengths[0] == 4) {
                year = parts[0];
                month = parts[1];
                day = parts[2];
            } else if (lengths[2] == 4 || lengths[2] == 2) {
                year = lengths[2] == 2 ? 2000 + parts[2] : parts[2];
                boolean monthFirst = sep == '/' && language == Language.ENGLISH && parts[1] <= 12 ? parts[0] <= 12
                    && parts[1] > 12 : parts[1] > 12;
                month = monthFirst ? parts[0] : parts[1];
                day = monthFirst ? parts[1] : parts[0];
            } else {
                continue;
            }
            if (month >= 1 && month <= 12 && day >= 1 && day <= 31 && year >= 1300 && year <= 2200) {
                String value = year < 1500 ? isoDate("SH:", year, month, day)
                    : isoDate("", year, month, day);
                found.add(new Entity(EntityType.DATE, i, pos, text.substring(i, pos), value));
                i = pos;
            }
        }
    }

    private static void tokenDates(String text, List<Token> tokens, List<Entity> found) {
        int size = tokens.size();
        for (int i = 0; i < size; i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.WORD && !startsWithDigit(t.folded()) && !mayBeDateWord(t.folded())) {
                continue; // no relative day, number word or day number: nothing starts here
            }
            String f = stripSuffix(t.folded());
            String relative = RELATIVE_DAYS.get(f);
            if (t.kind() == Token.Kind.WORD && relative != null) {
                found.add(new Entity(EntityType.RELATIVE_DATE, t.start(), t.end(), t.text(), relative));
                continue;
            }
            int number = dayNumber(t);
            boolean word = false;
            if (number < 0) {
                Integer n = t.kind() == Token.Kind.WORD ? NUMBER_WORDS.get(t.folded()) : null;
                if (n == null) {
                    continue;
                }
                number = n;
                word = true;
            }
            Token next = i + 1 < size ? tokens.get(i + 1) : null;
            if (next == null || next.kind() != Token.Kind.WORD) {
                continue;
            }
            String nf = stripSuffix(next.folded());
            Integer month = month(nf);
            Integer persianMonth = PERSIAN_MONTHS.get(nf);
            if (!word && (month != null || persianMonth != null) && number >= 1 && number <= 31) {
                int end = next.end();
                String value = month != null ? isoDate("", -1, month, number)
                    : isoDate("SH:", -1, persianMonth, number);
                found.add(new Entity(EntityType.DATE, t.start(), end, text.substring(t.start(), end), value));
                i++;
                continue;
            }
            Character unit = unit(nf);
            if (unit != null && number < 1000) {
                Token dir = i + 2 < size ? tokens.get(i + 2) : null;
                Integer direction = dir != null && dir.kind() == Token.Kind.WORD ? direction(dir.folded()) : null;
                if (direction != null) {
                    String period = unit == 'H' ? "PT" + number + "H" : "P" + number + unit;
                    String value = direction < 0 ? "-" + period : period;
                    found.add(new Entity(EntityType.RELATIVE_DATE, t.start(), dir.end(),
                        text.substring(t.start(), dir.end()), value));
                    i += 2;
                }
            }
        }
        // "August 1" and "August 1st"
        for (int i = 0; i + 1 < size; i++) {
            Token t = tokens.get(i);
            if (t.kind() != Token.Kind.WORD || !mayBeDateWord(t.folded())) {
                continue;
            }
            Integer month = month(stripSuffix(t.folded()));
            if (month == null || t.folded().length() < 3) {
                continue;
            }
            int day = dayNumber(tokens.get(i + 1));
            if (day >= 1 && day <= 31) {
                Token d = tokens.get(i + 1);
                found.add(new Entity(EntityType.DATE, t.start(), d.end(), text.substring(t.start(), d.end()),
                    isoDate("", -1, month, day)));
            }
        }
    }

    /**
     * An ISO 8601 date ("2026-08-01") or, with {@code year} -1, a date without a year ("--08-01"), after
     * {@code prefix} ("SH:" for the Solar Hijri calendar). Built by hand: {@code String.format} parsed its pattern
     * on every date, a tenth of the cost of a whole analysis.
     */
    private static String isoDate(String prefix, int year, int month, int day) {
        StringBuilder b = new StringBuilder(prefix.length() + 10).append(prefix);
        if (year < 0) {
            b.append("--");
        } else {
            b.append((char) ('0' + year / 1000 % 10)).append((char) ('0' + year / 100 % 10))
                .append((char) ('0' + year / 10 % 10)).append((char) ('0' + year % 10)).append('-');
        }
        return b.append((char) ('0' + month / 10)).append((char) ('0' + month % 10)).append('-')
            .append((char) ('0' + day / 10)).append((char) ('0' + day % 10)).toString();
    }

    private static Integer month(String folded) {
        Integer m = MONTHS.get(folded);
        if (m == null && folded.length() > 5) {
            // Turkish case endings written without an apostrophe: "ağustosta", "eylülde".
            int at = Arrays.binarySearch(MONTH_PREFIX_KEYS, packedPrefix(folded));
            String name = at >= 0 ? MONTH_PREFIX_NAMES[at] : null;
            if (name != null && folded.startsWith(name) && folded.length() - name.length() <= 3) {
                return MONTHS.get(name);
            }
        }
        return m;
    }

    /** The first four chars of {@code s} (at least four long) in one long. */
    private static long packedPrefix(String s) {
        return (long) s.charAt(0) << 48 | (long) s.charAt(1) << 32 | (long) s.charAt(2) << 16 | s.charAt(3);
    }

    private static Character unit(String folded) {
        Character u = UNITS.get(folded);
        if (u == null && folded.length() > 3) {
            for (Map.Entry<String, Character> e : UNITS.entrySet()) {
                if (e.getKey().length() >= 3 && folded.startsWith(e.getKey()) && folded.length() - e.getKey().length() <= 3) {
                    return e.getValue();
                }
            }
        }
        return u;
    }

    private static Integer direction(String folded) {
        Integer d = DIRECTION.get(folded);
        if (d == null) {
            for (Map.Entry<String, Integer> e : DIRECTION.entrySet()) {
                if (e.getKey().length() >= 4 && folded.startsWith(e.getKey())) {
                    return e.getValue();
                }
            }
        }
        return d;
    }

    /** A day or count number: "4", "۴", "1st", "2nd", "3rd", "4th", "1." ; -1 otherwise. */
    private static int dayNumber(Token t) {
        String f = t.folded();
        int end = 0;
        int v = 0;
        while (end < f.length() && end < 4 && f.charAt(end) >= '0' && f.charAt(end) <= '9') {
            v = v * 10 + (f.charAt(end) - '0');
            end++;
        }
        if (end == 0) {
            return -1;
        }
        if (end == f.length()) {
            return t.kind() == Token.Kind.NUMBER ? v : -1;
        }
        String rest = f.substring(end);
        return rest.equals("st") || rest.equals("nd") || rest.equals("rd") || rest.equals("th") || rest.equals("م")
            ? v : -1;
    }

    /** A word's first two letters as one key, an apostrophe ending the word ("a'ya" starts as "a"). */
    private static int startKey(String word) {
        char second = word.length() > 1 ? word.charAt(1) : 0;
        return word.charAt(0) << 16 | (second == '\'' ? 0 : second);
    }

    /** False when no word of the date tables, nor a month name's prefix, starts as {@code folded} does. */
    private static boolean mayBeDateWord(String folded) {
        if (folded.isEmpty()) {
            return false;
        }
        return DATE_WORD_STARTS.mayContain(startKey(folded));
    }

    private static boolean startsWithDigit(String folded) {
        return !folded.isEmpty() && folded.charAt(0) >= '0' && folded.charAt(0) <= '9';
    }

    /** "ağustos'ta" -> "ağustos". */
    private static String stripSuffix(String folded) {
        int apostrophe = folded.indexOf('\'');
        return apostrophe > 0 ? folded.substring(0, apostrophe) : folded;
    }

    private static String phoneValue(String raw) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            int d = TextNormalizer.digitValue(c);
            if (d >= 0) {
                out.append((char) ('0' + d));
            } else if (c == '+' && out.length() == 0) {
                out.append('+');
            }
        }
        return out.toString();
    }
}
