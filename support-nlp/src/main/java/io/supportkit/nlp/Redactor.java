package io.supportkit.nlp;

import io.supportkit.ConfigurationException;
import io.supportkit.internal.Require;
import io.supportkit.nlp.internal.LineBreaks;
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
        LineBreaks breaks = new LineBreaks();
        return redact(text, PiiScanner.scan(text, breaks), breaks);
    }

    /**
     * Applies the modes to findings already scanned (the analyzer scans once for entities and redaction), then
     * makes the result a fixed point: the output is scanned again, and while redacting it would change it (a
     * replacement gave a neighbour new context, such as a cue word that now starts a word), what that scan found
     * is mapped back to the original text, joined with the findings, and the original is redacted again. So
     * {@code redact(redact(x)) == redact(x)} holds by construction, not by case analysis; text without findings
     * is scanned once, and only the lines holding a replacement are scanned again (see
     * {@link #changingNearRedactions}). {@code breaks} are the line breaks the scan of {@code text} read across.
     */
    RedactionResult redact(String text, List<PiiScanner.Finding> findings, LineBreaks breaks) {
        RedactionResult result = apply(text, findings);
        if (findings.isEmpty()) {
            return result;
        }
        List<PiiScanner.Finding> current = findings;
        for (int round = 0; round < MAX_MERGE_ROUNDS; round++) {
            List<PiiScanner.Finding> changing = changingNearRedactions(result, breaks);
            if (changing.isEmpty()) {
                return result;
            }
            List<PiiScanner.Finding> widened = merge(current, toOriginal(changing, result.redactions()));
            if (widened.equals(current)) {
                break; // what changes lies wholly inside our own replacements: joining cannot widen anything
            }
            current = widened;
            result = apply(text, current);
        }
        return redactOutputToFixedPoint(text, result);
    }

    /**
     * Rounds of joining; each one strictly widens what is covered, and one or two suffice on every input seen,
     * including the fuzzer's.
     */
    private static final int MAX_MERGE_ROUNDS = 8;
    /** Bound on the last-resort rounds; each one replaces something, and every replacement is short. */
    private static final int MAX_OUTPUT_ROUNDS = 16;

    /** The findings in {@code out} whose replacement would differ from what is there: empty at a fixed point. */
    private List<PiiScanner.Finding> changing(String out) {
        List<PiiScanner.Finding> changing = new ArrayList<>(0);
        addChanging(out, 0, out.length(), null, changing);
        return changing;
    }

    /**
     * As {@link #changing(String)} for the output of one redaction, scanning only the lines that hold a
     * replacement. Exact, because no scanner reads across a line break except the white space between a password
     * cue and its value ({@link PiiScanner#scan(String, LineBreaks)}): a group of lines is extended backwards
     * while the original scan read across the break before it (a cue on the line above), and forwards while the
     * re-scan itself reads across the break after it. Every other line is the same text as in the original, read
     * the same way, where it held no finding. Line breaks are never part of a replacement, so they match one to
     * one between the original and the output.
     */
    private List<PiiScanner.Finding> changingNearRedactions(RedactionResult result, LineBreaks originalBreaks) {
        String out = result.text();
        List<Redaction> redactions = result.redactions();
        List<PiiScanner.Finding> changing = new ArrayList<>(0);
        int next = 0;
        while (next < redactions.size()) {
            int from = lineStart(out, redactions.get(next).outputStart());
            while (from > 0 && originalBreaks.any()
                    && originalBreaks.wasCrossed(toOriginal(from - 1, redactions, true))) {
                from = lineStart(out, from - 1);
            }
            int to = lineEnd(out, redactions.get(next).outputEnd());
            while (true) {
                while (next < redactions.size() && redactions.get(next).outputStart() < to) {
                    to = Math.max(to, lineEnd(out, redactions.get(next).outputEnd()));
                    next++;
                }
                LineBreaks breaks = new LineBreaks();
                List<PiiScanner.Finding> group = new ArrayList<>(0);
                if (!addChanging(out, from, to, breaks, group) || to == out.length()) {
                    changing.addAll(group);
                    break;
                }
                to = lineEnd(out, to + 1); // the re-scan read past the last line break: take the next line too
            }
        }
        return changing;
    }

    /**
     * Scans {@code out[from, to)} and adds its findings that would change; returns whether the scan read across
     * the line break that ends the range.
     */
    private boolean addChanging(String out, int from, int to, LineBreaks breaks, List<PiiScanner.Finding> sink) {
        String part = from == 0 && to == out.length() ? out : out.substring(from, to);
        for (PiiScanner.Finding f : PiiScanner.scan(part, breaks)) {
            String value = part.substring(f.start(), f.end());
            if (!replacement(f.type(), value).equals(value)) {
                sink.add(new PiiScanner.Finding(f.type(), f.start() + from, f.end() + from));
            }
        }
        return breaks != null && to > from && part.charAt(part.length() - 1) == '\n'
            && breaks.wasCrossed(part.length() - 1);
    }

    /** Index of the first character of the line holding {@code position}. */
    private static int lineStart(String s, int position) {
        return s.lastIndexOf('\n', position - 1) + 1;
    }

    /** Index after the line break that ends the line holding {@code position - 1}, or the text's length. */
    private static int lineEnd(String s, int position) {
        int k = s.indexOf('\n', Math.max(position - 1, 0));
        return k < 0 ? s.length() : k + 1;
    }

    /**
     * Last resort when joining cannot reach a fixed point: redacts the output itself until nothing changes. Each
     * round's spans are mapped back to the original text, so the audit still covers every replaced character.
     */
    private RedactionResult redactOutputToFixedPoint(String text, RedactionResult result) {
        List<Redaction> redactions = new ArrayList<>(result.redactions());
        String out = result.text();
        for (int round = 0; round < MAX_OUTPUT_ROUNDS; round++) {
            List<PiiScanner.Finding> changing = changing(out);
            if (changing.isEmpty()) {
                break;
            }
            RedactionResult next = apply(out, changing);
            List<PiiScanner.Finding> original = toOriginal(changing, redactions);
            redactions = remap(redactions, original, next);
            out = next.text();
        }
        return new RedactionResult(out, redactions);
    }

    /**
     * Spans after one more round on the output: the earlier redactions that a new one swallowed are joined into
     * it, and every output position is shifted by what the new round replaced.
     */
    private static List<Redaction> remap(List<Redaction> earlier, List<PiiScanner.Finding> original,
                                         RedactionResult next) {
        List<Redaction> fresh = next.redactions();
        List<Redaction> result = new ArrayList<>(earlier.size() + fresh.size());
        for (Redaction r : earlier) {
            boolean swallowed = false;
            for (Redaction f : fresh) {
                swallowed |= r.outputStart() < f.end() && r.outputEnd() > f.start();
            }
            if (!swallowed) {
                result.add(shifted(r, fresh));
            }
        }
        for (int k = 0; k < fresh.size(); k++) {
            Redaction f = fresh.get(k);
            PiiScanner.Finding o = original.get(k);
            result.add(new Redaction(f.type(), o.start(), o.end(), f.outputStart(), f.outputEnd(), f.replacement()));
        }
        result.sort(java.util.Comparator.comparingInt(Redaction::outputStart));
        return result;
    }

    /** {@code r}'s output span moved by the length changes of the fresh replacements before it. */
    private static Redaction shifted(Redaction r, List<Redaction> fresh) {
        int shift = 0;
        for (Redaction f : fresh) {
            if (f.start() >= r.outputEnd()) {
                break;
            }
            shift += (f.outputEnd() - f.outputStart()) - (f.end() - f.start());
        }
        return new Redaction(r.type(), r.start(), r.end(), r.outputStart() + shift, r.outputEnd() + shift,
            r.replacement());
    }

    /** Output-position findings as spans of the original text; a position inside a replacement takes all of it. */
    private static List<PiiScanner.Finding> toOriginal(List<PiiScanner.Finding> found, List<Redaction> applied) {
        List<PiiScanner.Finding> mapped = new ArrayList<>(found.size());
        for (PiiScanner.Finding f : found) {
            mapped.add(new PiiScanner.Finding(f.type(), toOriginal(f.start(), applied, true),
                toOriginal(f.end(), applied, false)));
        }
        return mapped;
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
