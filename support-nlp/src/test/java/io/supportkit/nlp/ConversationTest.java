package io.supportkit.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportkit.ConfigurationException;
import org.junit.jupiter.api.Test;

class ConversationTest {

    private static Sentiment score(double s) {
        return new Sentiment(s, SentimentLabel.of(s), 0, 0);
    }

    @Test
    void shouldWeightRecentMessagesMore() {
        ConversationSentiment c = ConversationSentiment.empty().with(score(-0.8)).with(score(-0.8)).with(score(0.6));
        assertThat(c.score()).isGreaterThan((-0.8 - 0.8 + 0.6) / 3);
        assertThat(c.messages()).isEqualTo(3);
    }

    @Test
    void shouldLetAngerFadeAndChurnRiskStay() {
        ConversationSentiment c = ConversationSentiment.empty().with(new Sentiment(-0.9, SentimentLabel.NEGATIVE, 0.9, 0.9));
        for (int i = 0; i < 3; i++) {
            c = c.with(score(0.1));
        }
        assertThat(c.isAngry()).isFalse();
        assertThat(c.isChurnRisk()).isTrue();
    }

    @Test
    void shouldStartNeutral() {
        assertThat(ConversationSentiment.empty().label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThatThrownBy(() -> ConversationSentiment.empty(0)).isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("0.0");
    }

    @Test
    void shouldBecomeStableOnceEnoughTextWasSeenAndNotFlipOnAShortForeignLine() {
        ConversationLanguage c = ConversationLanguage.empty()
            .with(new LanguageGuess(Language.TURKISH, 0.9, Language.AZERBAIJANI, 60));
        assertThat(c.isStable()).isTrue();
        c = c.with(new LanguageGuess(Language.FRENCH, 0.8, Language.ENGLISH, 5));
        assertThat(c.language()).isEqualTo(Language.TURKISH);
        assertThat(c.isStable()).isTrue();
        assertThat(c.lastGuess().language()).isEqualTo(Language.FRENCH);
    }

    @Test
    void shouldNotBeStableOnAFewLetters() {
        ConversationLanguage c = ConversationLanguage.empty()
            .with(SharedAnalyzer.ANALYZER.analyze("merhaba").language());
        assertThat(c.isStable()).isFalse();
        assertThat(ConversationLanguage.empty().with(LanguageGuess.NONE).language()).isEqualTo(Language.UNKNOWN);
    }
}
