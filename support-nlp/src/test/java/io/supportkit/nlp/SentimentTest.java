package io.supportkit.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentimentTest {

    private static Sentiment of(String text) {
        return SharedAnalyzer.ANALYZER.analyze(text).sentiment();
    }

    @Test
    void shouldScoreClearEnglishPraiseAndComplaint() {
        assertThat(of("The support was great, thank you so much!").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(of("The product broke after a day, awful quality.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(of("What time do you open on Monday?").label()).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void shouldFlipEnglishValenceAfterNegation() {
        assertThat(of("The delivery was good.").score()).isPositive();
        assertThat(of("The delivery was not good.").score()).isNegative();
    }

    @Test
    void shouldWeighTheClauseAfterButMore() {
        assertThat(of("The courier was nice but the package was damaged and useless.").score()).isNegative();
        assertThat(of("It was late, but the agent was really helpful and kind.").score()).isPositive();
    }

    @Test
    void shouldStrengthenWithBoostersCapsAndExclamations() {
        double plain = of("the service is bad").score();
        assertThat(of("the service is very bad").score()).isLessThan(plain);
        assertThat(of("the service is BAD").score()).isLessThan(plain);
        assertThat(of("the service is bad!!!").score()).isLessThan(plain);
    }

    @Test
    void shouldUseEmojiAndEmoticons() {
        assertThat(of("ok 😡").score()).isNegative();
        assertThat(of("thanks :)").score()).isGreaterThan(of("thanks").score());
        assertThat(of("delivered 😍").score()).isPositive();
    }

    @Test
    void shouldScoreTurkishWithSuffixesAndPostNegation() {
        assertThat(of("Ürün harika, çok memnun kaldım.").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(of("Kargo berbat, ürün kırık geldi.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(of("Hizmetiniz iyi değil.").score()).isNegative();
        assertThat(of("Bu ürünü hiç beğenmedim.").score()).isNegative();
    }

    @Test
    void shouldScorePersianWithSuffixesNegationAndArabicLetters() {
        assertThat(of("محصول عالیه، خیلی ممنون").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(of("پشتیبانی شما افتضاح است").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(of("کیفیت خوب نیست").score()).isNegative();
        // Arabic yeh and kaf typed on an Arabic keyboard still match the Persian lexicon
        assertThat(of("خيلي خوبه، ممنونم").label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void shouldFlagAngerInAllThreeLanguages() {
        assertThat(of("This is RIDICULOUS, I'm furious!!! 😡").isAngry()).isTrue();
        assertThat(of("Rezalet! Çok kızgınım, bıktım artık.").isAngry()).isTrue();
        assertThat(of("خیلی عصبانی هستم، افتضاحه!").isAngry()).isTrue();
        assertThat(of("Thanks, that fixed it.").isAngry()).isFalse();
    }

    @Test
    void shouldFlagChurnRiskInAllThreeLanguages() {
        assertThat(of("This is the worst service, cancel my subscription now.").isChurnRisk()).isTrue();
        assertThat(of("I want to talk to your manager, this is unacceptable.").isChurnRisk()).isTrue();
        assertThat(of("Aboneliğimi iptal edin, en kötü hizmet bu.").isChurnRisk()).isTrue();
        assertThat(of("اشتراکم را لغو کنید، بدترین پشتیبانی است.").isChurnRisk()).isTrue();
        assertThat(of("How do I change my subscription plan?").isChurnRisk()).isFalse();
        assertThat(of("ABONELIGIMI IPTAL EDIN, REZALET!").isChurnRisk()).as("Turkish typed without ı/İ keys").isTrue();
    }

    @Test
    void shouldKeepScoresInRange() {
        Sentiment s = of("BEST BEST BEST amazing wonderful superb!!!!!!! 😍😍😍 :) :) <3");
        assertThat(s.score()).isBetween(-1.0, 1.0);
        assertThat(s.anger()).isBetween(0.0, 1.0);
        assertThat(s.churnRisk()).isBetween(0.0, 1.0);
    }
}
