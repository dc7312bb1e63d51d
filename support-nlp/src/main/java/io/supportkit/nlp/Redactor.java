package io.supportkit.nlp;

import io.supportkit.ConfigurationException;
import io.supportkit.internal.Require;
import io.supportkit.nlp.internal.PiiScanner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Detects and redacts sensitive data before text is stored or shown (R9): Luhn-valid card numbers, checksum-valid
 * IBANs, TC Kimlik numbers and Iranian national codes, e-mail addresses, phone numbers, and passwords or one-time
 * codes offered in English, Turkish, Persian or Arabic.
 *
 * <p>Guarantees: numbers that fail their checksum (order numbers such as {@code 245-12784}) are never touched;
 * redaction is idempotent ({@code redact(redact(x).text()).text().equals(redact(x).text())}); the scan is linear in
 * the input with no regular expressions, whatever the input. The result lists every span for audit.
 *
 * <p>Immutable and thread-safe: build one and share it.
 * <pre>{@code
 * Redactor redactor = Redactor.newBuilder()
 *     .mode(PiiType.EMAIL, RedactionMode.HASH)
 *     .hashKey(secretKeyBytes)
 *     .build();
 * RedactionResult r = redactor.redact("my card is 4111 1111 1111 1111, mail a@b.co");
 * r.text(); // "my card is 4111 11** **** 1111, mail [EMAIL:kqzrwmfa]"
 * }</pre>
 */
public final class Redactor {

    private final Map<PiiType, RedactionMode> modes;
    private final byte[] hashKey;

    private Redactor(Builder builder) {
        this.modes = new EnumMap<>(builder.modes);
        this.hashKey = builder.hashKey == null ? null : builder.hashKey.clone();
    }

    /** A builder with every type masked ({@link RedactionMode#MASK}). */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** A redactor that masks every type. */
    public static Redactor masking() {
        return newBuilder().build();
    }

    /** A builder holding this redactor's configuration, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.modes.putAll(modes);
        b.hashKey = hashKey == null ? null : hashKey.clone();
        return b;
    }

    /** The mode for {@code type}. */
    public RedactionMode mode(PiiType type) {
        return modes.get(Require.nonNull(type, "type"));
    }

    /**
     * Finds and replaces sensitive values in {@code text}.
     *
     * @throws io.supportkit.InvalidInputException when text is null
     */
    public RedactionResult redact(String text) {
        Require.nonNull(text, "text");
        return redact(text, PiiScanner.scan(text));
    }

    /** Applies the modes to findings already scanned (the analyzer scans once for entities and redaction). */
    RedactionResult redact(String text, List<PiiScanner.Finding> findings) {
        RedactionResult result = apply(text, findings);
        List<PiiScanner.Finding> current = findings;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<PiiScanner.Finding> revealed = revealed(result);
            if (revealed.isEmpty()) {
                return result;
            }
            current = merge(current, revealed);
            result = apply(text, current);
        }
        return result;
    }

    /** Rounds of re-scanning; each one can only widen findings, and two suffice on every input seen so far. */
    private static final int MAX_ROUNDS = 4;
    /** White-space separated tokens looked at on each side of a replacement ("my password is [X]"). */
    private static final int CONTEXT_TOKENS = 3;

    /**
     * Values that a replacement made readable together with its neighbours, in original-text positions. Only a
     * replacement that touches something other than white space or a sentence mark is looked at, and only the
     * few tokens around it are scanned again: no finding spans more than a handful of white-space separated
     * tokens, so a value that appeared because of a replacement lies in that window. Keeps redaction idempotent
     * at the cost of scanning a little text twice, and only around odd neighbours.
     */
    private static List<PiiScanner.Finding> revealed(RedactionResult result) {
        String out = result.text();
        List<PiiScanner.Finding> mapped = new ArrayList<>();
        int scannedTo = 0;
        for (Redaction r : result.redactions()) {
            boolean noisyBefore = r.outputStart() > 0 && !isQuiet(out.charAt(r.outputStart() - 1));
            boolean noisyAfter = r.outputEnd() < out.length() && !isQuiet(out.charAt(r.outputEnd()));
            if (!noisyBefore && !noisyAfter) {
                continue;
            }
            int from = Math.max(scannedTo, tokensBack(out, r.outputStart(), CONTEXT_TOKENS));
            int to = tokensForward(out, r.outputEnd(), CONTEXT_TOKENS);
            if (from >= to) {
                continue;
            }
            for (PiiScanner.Finding f : PiiScanner.scan(out.substring(from, to))) {
                int start = f.start() + from;
                int end = f.end() + from;
                if (start <= r.outputEnd() && end >= r.outputStart() && !isWholeReplacement(start, end, result)) {
                    mapped.add(new PiiScanner.Finding(f.type(), toOriginal(start, result.redactions(), true),
                            toOriginal(end, result.redactions(), false)));
                }
            }
            scannedTo = to;
        }
        return mapped;
    }

    /** A finding that is exactly one of our replacements is our own output, not something new. */
    private static boolean isWholeReplacement(int start, int end, RedactionResult result) {
        for (Redaction r : result.redactions()) {
            if (r.outputStart() == start && r.outputEnd() == end) {
                return true;
            }
        }
        return false;
    }

    private static boolean isQuiet(char c) {
        return Character.isWhitespace(c) || c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':';
    }

    private static int tokensBack(String s, int from, int tokens) {
        int i = from;
        for (int t = 0; t < tokens && i > 0; t++) {
            while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
                i--;
            }
            while (i > 0 && !Character.isWhitespace(s.charAt(i - 1))) {
                i--;
            }
        }
        return i;
    }

    private static int tokensForward(String s, int from, int tokens) {
        int i = from;
        int n = s.length();
        for (int t = 0; t < tokens && i < n; t++) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    private static int toOriginal(int position, List<Redaction> applied, boolean isStart) {
        int shift = 0;
        for (Redaction r : applied) {
            if (isStart ? position < r.outputStart() : position <= r.outputStart()) {
                break;
            }
            if (isStart ? position < r.outputEnd() : position <= r.outputEnd()) {
                return isStart ? r.start() : r.end();
            }
            shift += (r.end() - r.start()) - (r.outputEnd() - r.outputStart());
        }
        return position + shift;
    }

    /** Both lists as one, with overlapping findings joined the way a scan joins them. */
    private static List<PiiScanner.Finding> merge(List<PiiScanner.Finding> a, List<PiiScanner.Finding> b) {
        List<PiiScanner.Finding> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return PiiScanner.resolveOverlaps(all);
    }

    private RedactionResult apply(String text, List<PiiScanner.Finding> findings) {
        if (findings.isEmpty()) {
            return new RedactionResult(text, List.of());
        }
        StringBuilder out = new StringBuilder(text.length() + 16 * findings.size());
        List<Redaction> redactions = new ArrayList<>(findings.size());
        int last = 0;
        for (PiiScanner.Finding f : findings) {
            out.append(text, last, f.start());
            String value = text.substring(f.start(), f.end());
            String replacement = replacement(f.type(), value);
            int outputStart = out.length();
            out.append(replacement);
            redactions.add(new Redaction(f.type(), f.start(), f.end(), outputStart, out.length(), replacement));
            last = f.end();
        }
        out.append(text, last, text.length());
        return new RedactionResult(out.toString(), redactions);
    }

    private String replacement(PiiType type, String value) {
        return switch (modes.get(type)) {
            case KEEP -> value;
            case DROP -> "[REDACTED]";
            case HASH -> "[" + type.name() + ":" + hash(type, value) + "]";
            case MASK -> type == PiiType.CARD_NUMBER ? maskCard(value) : "[" + type.name() + "]";
        };
    }

    /**
     * Keeps the first six and last four digits (PCI DSS), stars the rest, keeps separators as written. A finding
     * that is not itself one Luhn-valid card (a card inside a longer run of numbers) is replaced whole, so that
     * no digit of the neighbouring numbers is shown.
     */
    static String maskCard(String value) {
        int digits = 0;
        int sum = 0;
        for (int i = value.length() - 1; i >= 0; i--) {
            char c = value.charAt(i);
            int d = TextNormalizer.digitValue(c);
            if (d < 0 && " -.()\u00A0".indexOf(c) < 0) {
                return "[" + PiiType.CARD_NUMBER.name() + "]"; // merged with a neighbouring value: show nothing
            }
            if (d >= 0) {
                if ((digits & 1) == 1) {
                    d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                }
                sum += d;
                digits++;
            }
        }
        if (digits < 13 || digits > 19 || sum % 10 != 0) {
            return "[" + PiiType.CARD_NUMBER.name() + "]";
        }
        StringBuilder out = new StringBuilder(value.length());
        int seen = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (TextNormalizer.digitValue(c) >= 0) {
                seen++;
                out.append(seen <= 6 || seen > digits - 4 ? c : '*');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Eight lower-case letters of an HMAC-SHA256: letters only, so a hash never looks like a number. */
    private String hash(PiiType type, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
            byte[] digest = mac.doFinal((type.name() + ':' + TextNormalizer.asciiDigits(value))
                .getBytes(StandardCharsets.UTF_8));
            char[] letters = new char[8];
            for (int i = 0; i < letters.length; i++) {
                letters[i] = (char) ('a' + Math.floorMod(digest[i], 26));
            }
            return new String(letters);
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /**
     * Builds a {@link Redactor}. Not thread-safe; {@link #build()} validates and copies.
     * Example: {@code Redactor.newBuilder().mode(PiiType.PHONE, RedactionMode.DROP).build()}.
     */
    public static final class Builder {
        private final Map<PiiType, RedactionMode> modes = new EnumMap<>(PiiType.class);
        private byte[] hashKey;

        private Builder() {
            for (PiiType type : PiiType.values()) {
                modes.put(type, RedactionMode.MASK);
            }
        }

        /** How values of {@code type} are replaced. */
        public Builder mode(PiiType type, RedactionMode mode) {
            modes.put(Require.nonNull(type, "type"), Require.nonNull(mode, "mode"));
            return this;
        }

        /** The same mode for every type. */
        public Builder allModes(RedactionMode mode) {
            Require.nonNull(mode, "mode");
            for (PiiType type : PiiType.values()) {
                modes.put(type, mode);
            }
            return this;
        }

        /** Secret key for {@link RedactionMode#HASH} (at least 16 bytes); copied. */
        public Builder hashKey(byte[] key) {
            Require.nonNull(key, "key");
            this.hashKey = key.clone();
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws ConfigurationException when a type uses HASH without a hash key of at least 16 bytes
         */
        public Redactor build() {
            boolean hashing = modes.containsValue(RedactionMode.HASH);
            if (hashing && (hashKey == null || hashKey.length < 16)) {
                throw new ConfigurationException("hashKey must hold at least 16 bytes when a type uses HASH, was "
                    + (hashKey == null ? "null" : hashKey.length + " bytes"));
            }
            return new Redactor(this);
        }
    }
}
