package io.supportkit.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportkit.InvalidInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AnalyzerProperties {

    private final TextAnalyzer analyzer = SharedAnalyzer.ANALYZER;

    @Provide
    Arbitrary<String> anyUtf16() {
        // Every UTF-16 unit, so unpaired surrogates, controls and noncharacters all occur.
        return Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(300);
    }

    @Provide
    Arbitrary<String> chatLike() {
        return Arbitraries.strings().withChars("aIİıeşğ ۰۱۲۳سلامكي\u200C\u200F0123456789-+@.:;()!?😡".toCharArray())
            .ofMaxLength(200);
    }

    @Property(tries = 500)
    void analysisNeverThrowsOnAnyString(@ForAll("anyUtf16") String text) {
        TextAnalysis a = analyzer.analyze(text);
        assertThat(a.sentiment().score()).isBetween(-1.0, 1.0);
        assertThat(a.language().confidence()).isBetween(0.0, 1.0);
        for (Entity e : a.entities()) {
            assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
        }
    }

    @Property(tries = 500)
    void analysisNeverThrowsOnChatLikeStrings(@ForAll("chatLike") String text) {
        TextAnalysis a = analyzer.analyze(text);
        assertThat(a.redactedText()).isNotNull();
        assertThat(a.sentiment().anger()).isBetween(0.0, 1.0);
    }

    @Example
    void analysisHandlesOneMegabyteMessages() {
        String big = "My order 245-12784 is late, this is terrible! card 4111 1111 1111 1111 ".repeat(15_000);
        TextAnalysis a = analyzer.analyze(big);
        assertThat(a.redactedText()).doesNotContain("4111 1111 1111 1111");
        assertThat(a.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Example
    void analysisHandlesControlCharactersAndLoneSurrogates() {
        TextAnalysis a = analyzer.analyze("\u0000\u0007\uD800\uDFFF\uDC00 hi \uD83D");
        assertThat(a.text()).isNotNull();
    }

    @Example
    void analysisRejectsNullWithTypedError() {
        assertThatThrownBy(() -> analyzer.analyze(null)).isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("text");
    }
}
