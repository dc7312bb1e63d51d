package io.supportkit.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz targets for the analyzer and the redactor. A normal build runs them in regression mode over the
 * committed corpus in {@code src/test/resources/io/supportkit/nlp/TextFuzzTestInputs/}; to fuzz, run with
 * {@code JAZZER_FUZZ=1 mvn -pl support-nlp -am test -Dtest=TextFuzzTest} and commit new findings there.
 */
class TextFuzzTest {

    private final Redactor redactor = Redactor.masking();

    @FuzzTest(maxDuration = "30s")
    void analysisNeverThrowsAndKeepsItsInvariants(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        TextAnalysis a = SharedAnalyzer.ANALYZER.analyze(text);
        assertThat(a.sentiment().score()).isBetween(-1.0, 1.0);
        for (Entity e : a.entities()) {
            assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
        }
    }

    @FuzzTest(maxDuration = "30s")
    void redactionIsIdempotent(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        String once = redactor.redact(text).text();
        assertThat(redactor.redact(once).text()).isEqualTo(once);
    }
}
