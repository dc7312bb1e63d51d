package io.supportkit.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The acceptance scenarios S1, S2 and S5 of SCENARIOS.md (R1, R3, R9), texts exactly as given there. */
class ScenarioTest {

    private static final String S1_EN = "Hi, I ordered on 1 August but I see it has not shipped. It is now 4 days late. "
        + "Can you tell me the order status? My order number is 245-12784.";
    private static final String S1_TR = "Merhaba, 1 Ağustos'ta sipariş verdim ancak kargoya verilmediğini görüyorum. "
        + "Şimdi 4 gün gecikti. Lütfen sipariş durumunu söyler misiniz? Sipariş numaram 245-12784.";
    private static final String S1_FA = "سلام، ۱ مرداد سفارش دادم ولی هنوز ارسال نشده. الان ۴ روز تاخیر داره. "
        + "لطفا وضعیت سفارشم رو بگید. شماره سفارش من ۲۴۵-۱۲۷۸۴ است.";
    private static final String S2_EN = "I messaged your support team 2 days ago and got no answer. I'm frustrated, now "
        + "I have to work over the weekend and my boss is angry. Your support team is terrible. I'm thinking of telling "
        + "management to cancel our service with you.";
    private static final String S2_TR = "Destek ekibinize 2 gün önce mesaj attım yanıt alamadım. Hayal kırıklığına "
        + "uğradım, şimdi hafta sonu çalışmak zorundayım ve patronum kızgın. Destek ekibiniz korkunç. Yönetime sizinle "
        + "olan hizmetimizi iptal etmesini söylemeyi düşünüyorum.";
    private static final String S2_FA = "دو روز پیش به تیم پشتیبانی شما پیام دادم و جوابی نگرفتم. خیلی ناراحتم، حالا "
        + "باید آخر هفته کار کنم و رئیسم عصبانی است. پشتیبانی شما افتضاح است. به مدیریت می‌گویم اشتراک ما را لغو کند.";

    private final TextAnalyzer analyzer = SharedAnalyzer.ANALYZER;

    private void assertOrderStatusQuestion(String text, Language language) {
        TextAnalysis a = analyzer.analyze(text);
        assertThat(a.language().language()).isEqualTo(language);
        assertThat(a.entities(EntityType.ORDER_NUMBER)).extracting(Entity::value).containsExactly("245-12784");
        assertThat(a.cues()).contains(IntentCue.ORDER_STATUS, IntentCue.ORDER_NUMBER, IntentCue.DELIVERY_DELAY);
        assertThat(a.entities(EntityType.DATE)).isNotEmpty();
        assertThat(a.entities(EntityType.RELATIVE_DATE)).extracting(Entity::value).containsExactly("P4D");
        assertThat(a.redactions()).as("an order number is not PII").isEmpty();
        assertThat(a.sentiment().isChurnRisk()).isFalse();
        assertThat(a.sentiment().isAngry()).isFalse();
        assertThat(a.sentiment().label()).as("a late order is no praise").isNotEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void shouldFindOrderNumberAndOrderStatusCuesInS1English() {
        assertOrderStatusQuestion(S1_EN, Language.ENGLISH);
        assertThat(analyzer.analyze(S1_EN).entities(EntityType.DATE)).extracting(Entity::value).containsExactly("--08-01");
    }

    @Test
    void shouldFindOrderNumberAndOrderStatusCuesInS1Turkish() {
        assertOrderStatusQuestion(S1_TR, Language.TURKISH);
        assertThat(analyzer.analyze(S1_TR).entities(EntityType.DATE)).extracting(Entity::value).containsExactly("--08-01");
    }

    @Test
    void shouldFindOrderNumberInPersianDigitsAndCuesInS1Persian() {
        assertOrderStatusQuestion(S1_FA, Language.PERSIAN);
    }

    private void assertAngryChurningCustomer(String text, Language language) {
        TextAnalysis a = analyzer.analyze(text);
        assertThat(a.language().language()).isEqualTo(language);
        assertThat(a.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(a.sentiment().isAngry()).as("anger %s", a.sentiment()).isTrue();
        assertThat(a.sentiment().isChurnRisk()).as("churn %s", a.sentiment()).isTrue();
        assertThat(a.cues()).contains(IntentCue.NO_RESPONSE, IntentCue.CANCELLATION);
        assertThat(a.entities(EntityType.RELATIVE_DATE)).extracting(Entity::value).containsExactly("-P2D");
    }

    @Test
    void shouldScoreS2EnglishNegativeWithAngerAndChurnRisk() {
        assertAngryChurningCustomer(S2_EN, Language.ENGLISH);
    }

    @Test
    void shouldScoreS2TurkishNegativeWithAngerAndChurnRisk() {
        assertAngryChurningCustomer(S2_TR, Language.TURKISH);
    }

    @Test
    void shouldScoreS2PersianNegativeWithAngerAndChurnRisk() {
        assertAngryChurningCustomer(S2_FA, Language.PERSIAN);
    }

    @Test
    void shouldRedactAnEmailPasswordPastedIntoTheChatS5() {
        String en = "My email is sara.k@example.com and the password is Bahar1402! please check my order";
        String tr = "E-postam sara.k@example.com, şifrem Bahar1402 lütfen siparişime bakın";
        String fa = "ایمیلم sara.k@example.com است و رمز عبور ایمیلم Bahar1402 است، لطفا سفارشم را چک کنید";
        for (String text : new String[] {en, tr, fa}) {
            TextAnalysis a = analyzer.analyze(text);
            assertThat(a.redactedText()).as(text).doesNotContain("Bahar1402").doesNotContain("sara.k@example.com")
                .contains("[PASSWORD]").contains("[EMAIL]");
            assertThat(a.redactions()).extracting(Redaction::type).contains(PiiType.PASSWORD, PiiType.EMAIL);
        }
    }

    @Test
    void shouldKeepConversationAngryAndAtRiskAfterS2EvenWhenTheNextMessageIsCalm() {
        ConversationSentiment c = ConversationSentiment.empty()
            .with(analyzer.analyze(S2_EN).sentiment())
            .with(analyzer.analyze("ok, what is the status now?").sentiment());
        assertThat(c.label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(c.isChurnRisk()).isTrue();
    }
}
