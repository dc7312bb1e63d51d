package io.supportkit.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportkit.InvalidInputException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void shouldMatchDottedCapitalIWithLowerCaseInTurkish() {
        assertThat(TextNormalizer.fold("İSTANBUL", Language.TURKISH)).isEqualTo("istanbul");
        assertThat(TextNormalizer.fold("istanbul", Language.TURKISH)).isEqualTo("istanbul");
    }

    @Test
    void shouldLowerCaseCapitalIToDotlessIInTurkishAndAzerbaijani() {
        assertThat(TextNormalizer.fold("KIRMIZI", Language.TURKISH)).isEqualTo("kırmızı");
        assertThat(TextNormalizer.fold("ISTI", Language.AZERBAIJANI)).isEqualTo("ıstı");
    }

    @Test
    void shouldLowerCaseCapitalIToIOutsideTurkishWhateverTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertThat(TextNormalizer.fold("INVOICE", Language.ENGLISH)).isEqualTo("invoice");
            assertThat(TextNormalizer.fold("İstanbul", Language.ENGLISH)).isEqualTo("istanbul");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void shouldUnifyArabicYehAndKafToPersian() {
        // "کتاب" typed on an Arabic keyboard: Arabic kaf (U+0643) and yeh (U+064A) in "يک"
        assertThat(TextNormalizer.fold("كتاب يك", Language.PERSIAN)).isEqualTo("کتاب یک");
        assertThat(TextNormalizer.fold("مصطفى", Language.PERSIAN)).isEqualTo("مصطفی");
    }

    @Test
    void shouldKeepZeroWidthNonJoinerInsidePersianWords() {
        assertThat(TextNormalizer.fold("می\u200Cخواهم", Language.PERSIAN)).isEqualTo("می\u200Cخواهم");
    }

    @Test
    void shouldRemoveTatweelAndHarakat() {
        assertThat(TextNormalizer.fold("ســـلام", Language.PERSIAN)).isEqualTo("سلام");
        assertThat(TextNormalizer.fold("كَتَبَ", Language.ARABIC)).isEqualTo("کتب");
    }

    @Test
    void shouldIgnoreRightToLeftAndOtherBidiMarks() {
        assertThat(TextNormalizer.fold("\u200Fسفارش\u200E 12\u202B", Language.PERSIAN)).isEqualTo("سفارش 12");
    }

    @Test
    void shouldMapPersianAndArabicIndicDigitsToAscii() {
        assertThat(TextNormalizer.fold("۲۴۵-۱۲۷۸۴", Language.PERSIAN)).isEqualTo("245-12784");
        assertThat(TextNormalizer.fold("٢٤٥", Language.ARABIC)).isEqualTo("245");
        assertThat(TextNormalizer.asciiDigits("سفارش ۱۲۳")).isEqualTo("سفارش 123");
    }

    @Test
    void shouldApplyNfkcToFullWidthAndLigatures() {
        assertThat(TextNormalizer.fold("ＯＲＤＥＲ １２", Language.ENGLISH)).isEqualTo("order 12");
        assertThat(TextNormalizer.fold("ﬁle", Language.ENGLISH)).isEqualTo("file");
    }

    @Test
    void shouldComposeDecomposedTurkishLetters() {
        // "ş" as s + combining cedilla
        assertThat(TextNormalizer.fold("s\u0327ifre", Language.TURKISH)).isEqualTo("şifre");
    }

    @Test
    void shouldKeepEmojiUnchanged() {
        assertThat(TextNormalizer.fold("OK 👍🏽", Language.ENGLISH)).isEqualTo("ok 👍🏽");
    }

    @Test
    void shouldRejectNullWithTypedError() {
        assertThatThrownBy(() -> TextNormalizer.fold(null, Language.ENGLISH)).isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("text");
    }
}
