package io.supportkit.nlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportkit.nlp.Language;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NgramLanguageModelTest {

    private final NgramLanguageModel model = NgramLanguageModel.get();

    private int index(Language language) {
        return Arrays.asList(model.languages()).indexOf(language);
    }

    private int[] totals(String word, int... candidates) {
        char[] letters = word.toCharArray();
        int[] totals = new int[model.languageCount()];
        model.score(letters, 0, letters.length, candidates, candidates.length, totals);
        return totals;
    }

    @Test
    void shouldScoreACandidateTheSameWhicheverOtherLanguagesAreCandidates() {
        int turkish = index(Language.TURKISH);
        int[] all = IntStream.range(0, model.languageCount()).toArray();
        for (String word : new String[] {"siparişiniz", "order", "kargoya", "q", "ωμέγα"}) {
            assertThat(totals(word, turkish)[turkish]).as(word).isEqualTo(totals(word, all)[turkish]);
        }
    }

    @Test
    void shouldCountOneTermPerOrderAndLetterUpToFiveLetters() {
        char[] word = "siparişiniz".toCharArray(); // 11 letters: 7 full windows of 5, then 4 + 3 + 2 + 1
        int[] candidates = {index(Language.TURKISH)};
        int terms = model.score(word, 0, word.length, candidates, 1, new int[model.languageCount()]);
        assertThat(terms).isEqualTo(7 * 5 + 4 + 3 + 2 + 1);
    }

    @Test
    void shouldScoreAWordHigherInItsOwnLanguageThanInAnUnrelatedOne() {
        int turkish = index(Language.TURKISH);
        int english = index(Language.ENGLISH);
        int[] both = {turkish, english};
        assertThat(totals("siparişiniz", both)[turkish]).isGreaterThan(totals("siparişiniz", both)[english]);
        assertThat(totals("shipping", both)[english]).isGreaterThan(totals("shipping", both)[turkish]);
    }

    @Test
    void shouldChargeEveryLanguageForLettersItNeverUses() {
        int english = index(Language.ENGLISH);
        // Greek letters are all but unknown to English: every term costs at least the back-off and more than a
        // common English letter would.
        int[] greek = totals("ωμέγα", english);
        int[] latin = totals("omega", english);
        assertThat(greek[english]).isLessThan(latin[english]).isNegative();
    }
}
