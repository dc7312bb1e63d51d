package io.supportkit.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<String> texts(String s, Language language) {
        return Tokenizer.tokenize(s, language).stream().map(Token::text).toList();
    }

    private static List<String> folded(String s, Language language) {
        return Tokenizer.tokenize(s, language).stream().map(Token::folded).toList();
    }

    @Test
    void shouldSplitEnglishWordsPunctuationEmojiAndEmoticons() {
        assertThat(texts("I'm SO angry!!! 😡 :(", Language.ENGLISH))
            .containsExactly("I'm", "SO", "angry", "!!!", "😡", ":(");
    }

    @Test
    void shouldKeepEmojiSequencesSkinTonesAndFlagsAsOneToken() {
        List<Token> tokens = Tokenizer.tokenize("👍🏽 👨‍👩‍👧 🇹🇷 ❤️", Language.ENGLISH);
        assertThat(tokens).extracting(Token::text).containsExactly("👍🏽", "👨‍👩‍👧", "🇹🇷", "❤️");
        assertThat(tokens).allMatch(t -> t.kind() == Token.Kind.EMOJI);
    }

    @Test
    void shouldNotTakeUrlsOrTimesForEmoticons() {
        assertThat(Tokenizer.tokenize("see https://example.com at 10:30", Language.ENGLISH))
            .noneMatch(t -> t.kind() == Token.Kind.EMOTICON);
    }

    @Test
    void shouldKeepTurkishSuffixAfterApostropheInOneToken() {
        assertThat(texts("1 Ağustos'ta sipariş verdim", Language.TURKISH))
            .containsExactly("1", "Ağustos'ta", "sipariş", "verdim");
    }

    @Test
    void shouldFoldTurkishCapitalsWithTurkishRules() {
        assertThat(folded("İADE ISTIYORUM", Language.TURKISH)).containsExactly("iade", "ıstıyorum");
    }

    @Test
    void shouldKeepZeroWidthNonJoinerAsWordInternalJoinerInPersian() {
        List<Token> tokens = Tokenizer.tokenize("می\u200Cخواهم سفارشم را لغو کنم", Language.PERSIAN);
        assertThat(tokens).extracting(Token::text).containsExactly("می\u200Cخواهم", "سفارشم", "را", "لغو", "کنم");
    }

    @Test
    void shouldIgnoreRightToLeftMarksAndTatweelInsideWords() {
        assertThat(folded("\u200Fســلام\u200F", Language.PERSIAN)).containsExactly("سلام");
    }

    @Test
    void shouldTokenizePersianDigitsAsNumbersWithAsciiFoldedForm() {
        List<Token> tokens = Tokenizer.tokenize("سفارش ۲۴۵", Language.PERSIAN);
        assertThat(tokens.get(1).kind()).isEqualTo(Token.Kind.NUMBER);
        assertThat(tokens.get(1).folded()).isEqualTo("245");
    }

    @Test
    void shouldReportSpansIntoTheOriginalText() {
        String text = "  Hello, wörld";
        for (Token t : Tokenizer.tokenize(text, Language.ENGLISH)) {
            assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
        }
    }

    @Test
    void shouldUseArabicQuestionMarkAsPunctuation() {
        assertThat(Tokenizer.tokenize("کجاست؟", Language.PERSIAN)).extracting(Token::kind)
            .containsExactly(Token.Kind.WORD, Token.Kind.PUNCTUATION);
    }

    @Test
    void shouldDetectShoutingTokens() {
        List<Token> tokens = Tokenizer.tokenize("this is TERRIBLE I", Language.ENGLISH);
        assertThat(tokens.get(2).isShouting()).isTrue();
        assertThat(tokens.get(3).isShouting()).isFalse();
    }

    @Test
    void shouldSkipUnpairedSurrogatesAndControlCharacters() {
        assertThat(texts("a\uD800b\u0000c\uDC00", Language.ENGLISH)).containsExactly("a", "b", "c");
    }
}
