package io.supportkit.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportkit.ConfigurationException;
import io.supportkit.InvalidInputException;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private final LanguageDetector detector = SharedAnalyzer.ANALYZER.languageDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en | Where is my parcel? It should have arrived yesterday.",
        "tr | Siparişim hâlâ gelmedi, ne zaman kargoya verilecek?",
        "fa | سفارش من هنوز نرسیده است، کی ارسال می‌شود؟",
        "ar | لم يصل طلبي حتى الآن، متى سيتم شحنه؟",
        "az | Sifarişim hələ gəlməyib, nə vaxt göndəriləcək?",
        "ur | میرا آرڈر ابھی تک نہیں پہنچا، یہ کب بھیجا جائے گا؟",
        "de | Meine Bestellung ist immer noch nicht angekommen.",
        "fr | Ma commande n'est toujours pas arrivée, pourquoi ?",
        "es | Mi pedido todavía no ha llegado, ¿cuándo lo envían?",
        "ru | Мой заказ до сих пор не пришёл, когда его отправят?",
        "el | Η παραγγελία μου δεν έχει φτάσει ακόμα.",
        "ko | 주문한 상품이 아직 도착하지 않았어요."})
    void shouldIdentifyChatLinesInTheCoreLanguages(String iso, String line) {
        LanguageGuess guess = detector.detect(line);
        assertThat(guess.language().isoCode()).as(line).isEqualTo(iso);
        assertThat(guess.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void shouldTellTurkishFromAzerbaijaniByTheirLetters() {
        assertThat(detector.detect("hələ gəlməyib").language()).isEqualTo(Language.AZERBAIJANI);
        assertThat(detector.detect("henüz gelmedi").language()).isEqualTo(Language.TURKISH);
    }

    @Test
    void shouldTellPersianFromUrduAndArabicByTheirLetters() {
        assertThat(detector.detect("چرا سفارش من نرسیده").language()).isEqualTo(Language.PERSIAN);
        assertThat(detector.detect("میرا آرڈر کہاں ہے").language()).isEqualTo(Language.URDU);
        assertThat(detector.detect("أين طلبي").language()).isEqualTo(Language.ARABIC);
    }

    @Test
    void shouldRecogniseTurkishDecodedWithTheWrongCodePageButKeepIcelandic() {
        // "Sayın müşterimiz, siparişiniz yarın kargoya verilecektir." read as Windows-1252
        assertThat(detector.detect("Sayýn müþterimiz, sipariþiniz yarýn kargoya verilecektir.").language())
            .isEqualTo(Language.TURKISH);
        assertThat(detector.detect("Þetta er ýmislegt sem við þurfum að gera í dag.").language())
            .isEqualTo(Language.ICELANDIC);
    }

    @Test
    void shouldGiveAMixedScriptLineToTheScriptWithMoreWordsNotMoreLetters() {
        // 6 Latin words (43 letters) against 7 Persian words (24 letters): Persian leaves short vowels unwritten
        assertThat(detector.detect("Order status: Delivered, Tracking number available سفارش من هنوز به دستم نرسیده است")
            .language()).isEqualTo(Language.PERSIAN);
        assertThat(detector.detect("Where is my order? سفارش").language()).isEqualTo(Language.ENGLISH);
    }

    @Test
    void shouldGiveATieInWordsToTheScriptThatIsNotLatin() {
        // brand names are Latin in every language: 3 Cyrillic and 3 Latin words, 13 letters each
        assertThat(detector.detect("Мой AirPods Pro Max не работает").language()).isEqualTo(Language.RUSSIAN);
    }

    @Test
    void shouldCountEveryLetterOfHanAndKanaAsAWordAgainstLatin() {
        assertThat(detector.detect("iPhone 15 Pro Maxを買いました").language()).isEqualTo(Language.JAPANESE);
        assertThat(detector.detect("我的iPhone 15 Pro Max还没有到").language()).isEqualTo(Language.CHINESE);
    }

    @Test
    void shouldScoreOnlyTheWordsOfTheDecidingScript() {
        String latin = "The station is on Tverskaya Street in the centre of Moscow.";
        LanguageGuess alone = detector.detect(latin);
        LanguageGuess withCyrillic = detector.detect(latin.replace("Street", "Street (Тверская улица)"));
        assertThat(withCyrillic.language()).isEqualTo(alone.language()).isEqualTo(Language.ENGLISH);
        assertThat(withCyrillic.confidence()).isEqualTo(alone.confidence());
        assertThat(withCyrillic.letters()).isEqualTo(alone.letters() + 13);
    }

    @Test
    void shouldReadAScriptChangeAfterEveryLetterAsWordBreaksUpToTheLetterLimit() {
        // every letter a word of its own: the most breaks a text can have (and a tie won by Greek)
        LanguageGuess guess = detector.detect("aβ".repeat(800) + "x".repeat(100));
        assertThat(guess.language()).isEqualTo(Language.GREEK);
        assertThat(guess.letters()).isEqualTo(1_000);
        assertThat(detector.detect("bγ").language()).isEqualTo(Language.GREEK);
    }

    @Test
    void shouldCountAWordWithLookAlikeLettersOfAnotherScriptOnceForMostOfItsLetters() {
        // Cyrillic о, е, а typed for Latin ones (spam filters, mixed keyboards): still six English words
        String english = "Your order has been shipped today".replace('o', 'о').replace('e', 'е').replace('a', 'а');
        assertThat(detector.detect(english).language()).isEqualTo(Language.ENGLISH);
        // and the other way round: four Russian words, whatever the Latin a, o, e in them
        String russian = "Ваш заказ уже отправлен".replace('а', 'a').replace('о', 'o').replace('е', 'e');
        assertThat(detector.detect(russian).language()).isEqualTo(Language.RUSSIAN);
    }

    @Test
    void shouldReadAWordStretchedWithTatweelAsTheWordItself() {
        LanguageGuess stretched = detector.detect("ســـفارش من هنوز نرسیده");
        LanguageGuess plain = detector.detect("سفارش من هنوز نرسیده");
        assertThat(stretched).isEqualTo(plain);
    }

    @Test
    void shouldReadAModifierLetterApostropheAsPartOfItsWord() {
        // U+02BC is a letter of no script: "пʼять" is one Cyrillic word, not a mixed-script line cut in three
        LanguageGuess whole = detector.detect("Мені потрібно пʼять хвилин");
        assertThat(whole.language()).isEqualTo(Language.UKRAINIAN);
        assertThat(whole.letters()).isEqualTo(23);
        assertThat(whole.confidence()).isNotEqualTo(detector.detect("Мені потрібно п ять хвилин").confidence());
    }

    @Test
    void shouldAnswerOnlyWithTheHostsCandidates() {
        LanguageDetector restricted = LanguageDetector.newBuilder()
            .candidates(Set.of(Language.ENGLISH, Language.TURKISH)).build();
        assertThat(restricted.detect("Mi pedido todavía no ha llegado").language())
            .isIn(Language.ENGLISH, Language.TURKISH);
        assertThat(restricted.detect("سفارش من").language()).isEqualTo(Language.UNKNOWN);
    }

    @Test
    void shouldSayUnknownBelowTheMinimumConfidence() {
        LanguageDetector strict = LanguageDetector.newBuilder().minimumConfidence(0.99).build();
        LanguageGuess guess = strict.detect("ok");
        assertThat(guess.language()).isEqualTo(Language.UNKNOWN);
        assertThat(guess.runnerUp()).isNotEqualTo(Language.UNKNOWN);
    }

    @Test
    void shouldSayUnknownWithoutLetters() {
        assertThat(detector.detect("12345 !!! 😀")).isEqualTo(LanguageGuess.NONE);
        assertThat(detector.detect("")).isEqualTo(LanguageGuess.NONE);
    }

    @Test
    void shouldIgnoreRightToLeftMarksAndTatweel() {
        assertThat(detector.detect("\u200Fســفارش من هنوز نرسیده\u200F").language()).isEqualTo(Language.PERSIAN);
    }

    @Test
    void shouldRejectInvalidConfiguration() {
        assertThatThrownBy(() -> LanguageDetector.newBuilder().minimumConfidence(1.5).build())
            .isInstanceOf(ConfigurationException.class).hasMessageContaining("1.5");
        assertThatThrownBy(() -> LanguageDetector.newBuilder().candidates(Set.of(Language.UNKNOWN)).build())
            .isInstanceOf(ConfigurationException.class).hasMessageContaining("UNKNOWN");
    }

    @Test
    void shouldRejectNullText() {
        assertThatThrownBy(() -> detector.detect(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldResolveIsoCodes() {
        assertThat(Language.fromIsoCode("TR")).isEqualTo(Language.TURKISH);
        assertThatThrownBy(() -> Language.fromIsoCode("xx")).isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("xx");
    }
}
