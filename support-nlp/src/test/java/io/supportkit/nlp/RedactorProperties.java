package io.supportkit.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RedactorProperties {

    private static final int LONGEST_MASK = "[IRAN_NATIONAL_CODE]".length();
    private final Redactor redactor = Redactor.masking();

    @Provide
    Arbitrary<String> anyUtf16() {
        return Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(200);
    }

    @Provide
    Arbitrary<String> piiHeavy() {
        return Arbitraries.strings().withChars("0123456789 -+@.:()aAbTRIR۰۱۲۵[]_".toCharArray()).ofMaxLength(120);
    }

    @Provide
    Arbitrary<String> validCard() {
        Arbitrary<String> body = Arbitraries.strings().numeric().ofMinLength(12).ofMaxLength(18);
        Arbitrary<String> separator = Arbitraries.of("", " ", "-");
        return Combinators.combine(body, separator).as((b, sep) -> {
            String card = TestValues.withLuhnDigit(b);
            if (sep.isEmpty()) {
                return card;
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < card.length(); i++) {
                if (i > 0 && i % 4 == 0) {
                    out.append(sep);
                }
                out.append(card.charAt(i));
            }
            return out.toString();
        });
    }

    @Provide
    Arbitrary<String> context() {
        return Arbitraries.of("", "card ", "kartım ", "شماره کارت ", "pay with: ", "(", "\u200F");
    }

    @Property(tries = 1000)
    void redactionIsIdempotent(@ForAll("anyUtf16") String text) {
        String once = redactor.redact(text).text();
        assertThat(redactor.redact(once).text()).isEqualTo(once);
    }

    @Property(tries = 1000)
    void redactionIsIdempotentOnDigitHeavyText(@ForAll("piiHeavy") String text) {
        String once = redactor.redact(text).text();
        assertThat(redactor.redact(once).text()).isEqualTo(once);
    }

    /**
     * Lines of cue words, connectors, values and separators: the redactor re-scans only the lines it changed, so
     * line breaks between a cue and its value are where a wrong shortcut would show.
     */
    @Provide
    Arbitrary<String> multiLineChat() {
        Arbitrary<String> fragment = Arbitraries.of("my password is", "şifrem", "رمز عبورم", "code", "pin:", "is",
            ":", "hunter2", "Kedi1234", "482913", "4111 1111 1111 1111", "a@b.co", "+90 532 123 45 67",
            "245-12784", "TR33 0006 1005 1978 6457 8413 26", "10000000146", "[PASSWORD]", "(", ")", "-", "@", "\n",
            "\n\n", " ", "  ", "\t", "ok", "است");
        return fragment.list().ofMaxSize(30).map(parts -> String.join(" ", parts).replace(" \n ", "\n"));
    }

    @Property(tries = 2000)
    void redactionIsIdempotentOnMultiLineText(@ForAll("multiLineChat") String text) {
        String once = redactor.redact(text).text();
        assertThat(redactor.redact(once).text()).isEqualTo(once);
    }

    @Property(tries = 1000)
    void redactionNeverLengthensBeyondTheMasks(@ForAll("piiHeavy") String text) {
        RedactionResult r = redactor.redact(text);
        assertThat(r.text().length()).isLessThanOrEqualTo(text.length() + LONGEST_MASK * r.redactions().size());
    }

    @Property(tries = 1000)
    void redactionNeverLeavesALuhnValidCard(@ForAll("context") String before, @ForAll("validCard") String card,
                                            @ForAll("context") String after) {
        String text = before + card + " " + after;
        String redacted = redactor.redact(text).text();
        assertThat(redacted).doesNotContain(card);
        for (String run : digitRuns(redacted)) {
            assertThat(run.length() >= 13 && TestValues.luhnValid(run)).as("run %s in %s", run, redacted).isFalse();
        }
    }

    @Property(tries = 300)
    void redactionIsIdempotentInEveryMode(@ForAll("piiHeavy") String text, @ForAll RedactionMode mode) {
        Redactor r = Redactor.newBuilder().allModes(mode).hashKey("0123456789abcdef".getBytes(
            java.nio.charset.StandardCharsets.UTF_8)).build();
        String once = r.redact(text).text();
        assertThat(r.redact(once).text()).isEqualTo(once);
    }

    /** Digit runs with single spaces or dashes between digits, as a card would be written. */
    private static List<String> digitRuns(String s) {
        List<String> runs = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (TextNormalizer.digitValue(c) >= 0) {
                current.append((char) ('0' + TextNormalizer.digitValue(c)));
            } else if ((c == ' ' || c == '-') && current.length() > 0 && i + 1 < s.length()
                && TextNormalizer.digitValue(s.charAt(i + 1)) >= 0) {
                continue;
            } else if (current.length() > 0) {
                runs.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            runs.add(current.toString());
        }
        return runs;
    }
}
