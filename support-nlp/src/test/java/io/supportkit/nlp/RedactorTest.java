package io.supportkit.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportkit.ConfigurationException;
import io.supportkit.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    // Both found by Jazzer: a masked card keeps digits that, next to their neighbours, read as a new value.
    @Test
    void shouldRedactACardInsideALongerNumberRunWholeSoNoPhoneAppearsOnASecondPass() {
        Redactor redactor = Redactor.masking();
        String once = redactor.redact("00 `90 532 123 45 6(7 555) 123-4567 +1+1+1 a@Pb..c").text();
        assertThat(once).contains("[CARD_NUMBER]").doesNotContain("555").doesNotContain("4567");
        assertThat(redactor.redact(once).text()).isEqualTo(once);
    }

    // Found by Jazzer: replacing "XZ 123 45 67 (55" left "]şifrem", where the cue now starts a word.
    @Test
    void shouldRedactAPasswordWhoseCueAReplacementTurnedIntoAWord() {
        Redactor redactor = Redactor.masking();
        String once = redactor.redact("şIfreXZ   123 45 67 (55şifrem Kedi1234 ve").text();
        assertThat(once).doesNotContain("Kedi1234");
        assertThat(redactor.redact(once).text()).isEqualTo(once);
    }

    @Test
    void shouldFindAPasswordWhoseValueIsOnTheNextLine() {
        RedactionResult r = Redactor.masking().redact("hi\nmy password is\n  hunter2\nthanks");
        assertThat(r.text()).isEqualTo("hi\nmy password is\n  [PASSWORD]\nthanks");
        assertThat(r.redactions()).singleElement().satisfies(x -> {
            assertThat(x.start()).isEqualTo("hi\nmy password is\n  ".length());
            assertThat(x.type()).isEqualTo(PiiType.PASSWORD);
        });
    }

    @Test
    void shouldStayIdempotentWhenOnlySomeLinesOfALongTextHoldValues() {
        Redactor redactor = Redactor.masking();
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 200; line++) {
            text.append(switch (line % 5) {
                case 0 -> "order 245-12784 is late";
                case 1 -> "my password is";
                case 2 -> "4111 1111 1111 1111 a@b.co";
                case 3 -> "pin: 1234 and the code";
                default -> "is 482913, call +90 532 123 45 67";
            }).append('\n');
        }
        RedactionResult once = redactor.redact(text.toString());
        assertThat(once.text()).doesNotContain("1111 1111", "a@b.co", "482913", "532 123").contains("245-12784");
        assertThat(redactor.redact(once.text()).text()).isEqualTo(once.text());
    }

    @Test
    void shouldReadDigitsGluedToAnAtSignAsTheLocalPartOfAnEmail() {
        Redactor redactor = Redactor.masking();
        RedactionResult once = redactor.redact("call (555) 12390 5361 45 6@b.DN now");
        assertThat(once.text()).isEqualTo("call (555) 12390 5361 45 [EMAIL] now");
        assertThat(redactor.redact(once.text()).text()).isEqualTo(once.text());
    }

    @Test
    void shouldHideAWholeCardNumberOfferedAsAPassword() {
        RedactionResult r = Redactor.masking().redact("my password is 4111 1111 1111 1111 ok");
        assertThat(r.text()).isEqualTo("my password is [PASSWORD] ok");
    }

    @Test
    void shouldNotTakeAWordInsideAnAddressAsAPasswordCue() {
        Redactor redactor = Redactor.masking();
        String once = redactor.redact("@6@b.şifreFFF-F88v").text();
        assertThat(redactor.redact(once).text()).isEqualTo(once);
    }

    private final Redactor redactor = Redactor.masking();

    private PiiType onlyType(String text) {
        RedactionResult r = redactor.redact(text);
        assertThat(r.redactions()).as("redactions of %s", text).hasSize(1);
        return r.redactions().get(0).type();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "5500 0000 0000 0004",
        "378282246310005", "6011 0009 9013 9424"})
    void shouldRedactLuhnValidCardNumbersWithSpacesOrDashes(String card) {
        RedactionResult r = redactor.redact("my card is " + card + " thanks");
        assertThat(r.redactions()).singleElement().satisfies(red -> {
            assertThat(red.type()).isEqualTo(PiiType.CARD_NUMBER);
            assertThat(red.end() - red.start()).isEqualTo(card.length());
        });
        assertThat(r.text()).doesNotContain(card);
    }

    @Test
    void shouldKeepAtMostFirstSixAndLastFourDigitsOfACard() {
        assertThat(redactor.redact("card 4111 1111 1111 1111.").text()).isEqualTo("card 4111 11** **** 1111.");
        assertThat(redactor.redact("4111111111111111").text()).isEqualTo("411111******1111");
    }

    @Test
    void shouldLeaveLuhnInvalidNumbersAndOrderNumbersAlone() {
        for (String text : new String[] {"card 4111 1111 1111 1112", "order 245-12784", "sipariş #A1234567",
            "شماره سفارش ۲۴۵-۱۲۷۸۴", "invoice 2024000123", "tracking 1Z999AA10123456784"}) {
            assertThat(redactor.redact(text).found()).as(text).isFalse();
        }
    }

    @Test
    void shouldRedactCardNumbersWrittenInPersianDigits() {
        String card = TestValues.persianDigits("4111 1111 1111 1111");
        assertThat(onlyType("شماره کارتم " + card + " است")).isEqualTo(PiiType.CARD_NUMBER);
    }

    @Test
    void shouldRedactChecksumValidIbansOfTurkeyIranAndGermany() {
        String tr = TestValues.iban("TR", "0006100519786457841326");
        String ir = TestValues.iban("IR", "0620000000100324200001");
        String de = TestValues.iban("DE", "370400440532013000");
        assertThat(onlyType("IBAN: " + tr)).isEqualTo(PiiType.IBAN);
        assertThat(onlyType("شبا " + ir + " است")).isEqualTo(PiiType.IBAN);
        assertThat(onlyType("IBAN " + de.replaceAll("(.{4})", "$1 ").trim() + " bitte")).isEqualTo(PiiType.IBAN);
    }

    @Test
    void shouldLeaveIbansWithWrongCheckDigitsAlone() {
        String tr = TestValues.iban("TR", "0006100519786457841326");
        String wrong = tr.substring(0, 2) + (tr.charAt(2) == '9' ? '1' : (char) (tr.charAt(2) + 1)) + tr.substring(3);
        assertThat(redactor.redact("IBAN " + wrong).found()).isFalse();
    }

    @Test
    void shouldRedactValidTcKimlikAndLeaveInvalidOnesAlone() {
        String valid = TestValues.tcKimlik("123456789");
        String invalid = valid.substring(0, 10) + (char) ('0' + (valid.charAt(10) - '0' + 1) % 10);
        assertThat(onlyType("TC kimlik numaram " + valid)).isEqualTo(PiiType.TC_KIMLIK);
        assertThat(redactor.redact("TC kimlik numaram " + invalid).found()).isFalse();
        assertThat(onlyType("TC: " + TestValues.persianDigits(valid))).isEqualTo(PiiType.TC_KIMLIK);
    }

    @Test
    void shouldRedactValidIranianNationalCodesInAnyDigitsAndLeaveInvalidOnesAlone() {
        String valid = TestValues.iranCode("008457594");
        assertThat(onlyType("کد ملی من " + TestValues.persianDigits(valid) + " است")).isEqualTo(PiiType.IRAN_NATIONAL_CODE);
        assertThat(onlyType("کد ملی " + TestValues.arabicIndicDigits(valid))).isEqualTo(PiiType.IRAN_NATIONAL_CODE);
        String invalid = valid.substring(0, 9) + (char) ('0' + (valid.charAt(9) - '0' + 1) % 10);
        assertThat(redactor.redact("کد ملی " + invalid).found()).isFalse();
        assertThat(redactor.redact("number 1111111111").found()).isFalse();
    }

    @Test
    void shouldRedactEmailsButNotTheSentenceDotAfterThem() {
        RedactionResult r = redactor.redact("Write to ali.veli+shop@example.com.tr.");
        assertThat(r.text()).isEqualTo("Write to [EMAIL].");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+90 532 123 45 67", "0532 123 45 67", "+98 912 345 6789", "09123456789",
        "+1 (555) 123-4567", "0090 532 123 4567"})
    void shouldRedactPhoneNumbers(String phone) {
        assertThat(onlyType("call me on " + phone + " please")).isEqualTo(PiiType.PHONE);
    }

    @Test
    void shouldRedactPhoneNumbersInPersianDigits() {
        assertThat(onlyType("شماره من " + TestValues.persianDigits("0912 345 6789") + " است")).isEqualTo(PiiType.PHONE);
    }

    @Test
    void shouldRedactPasswordsOfferedInEnglishTurkishAndPersian() {
        assertThat(redactor.redact("my password is hunter2").text()).isEqualTo("my password is [PASSWORD]");
        assertThat(redactor.redact("My email password: kitten, please check").text())
            .isEqualTo("My email password: [PASSWORD], please check");
        assertThat(redactor.redact("şifrem Kedi1234 lütfen").text()).isEqualTo("şifrem [PASSWORD] lütfen");
        assertThat(redactor.redact("Parolam: deniz").text()).isEqualTo("Parolam: [PASSWORD]");
        assertThat(redactor.redact("رمزم hunter2 است").text()).isEqualTo("رمزم [PASSWORD] است");
        assertThat(redactor.redact("رمز عبور ایمیلم گلابی است").text()).isEqualTo("رمز عبور ایمیلم [PASSWORD] است");
    }

    @Test
    void shouldNotTakeOrdinaryWordsAfterPasswordMentionsForPasswords() {
        for (String text : new String[] {"I forgot my password and can't log in", "my password is not working",
            "şifremi unuttum", "şifre sıfırlama linki gelmedi", "رمزم را فراموش کردم", "password reset please"}) {
            assertThat(redactor.redact(text).found()).as(text).isFalse();
        }
    }

    @Test
    void shouldRedactOneTimeCodesButNotShortNumbers() {
        assertThat(redactor.redact("the verification code is 482913").text())
            .isEqualTo("the verification code is [ONE_TIME_CODE]");
        assertThat(redactor.redact("doğrulama kodu 482913").text()).isEqualTo("doğrulama kodu [ONE_TIME_CODE]");
        assertThat(redactor.redact("کد تایید ۴۸۲۹۱۳").text()).isEqualTo("کد تایید [ONE_TIME_CODE]");
        assertThat(redactor.redact("use code 12 for discount").found()).isFalse();
    }

    @Test
    void shouldContinueScanningAfterAFindingThatEndsBeforePunctuation() {
        assertThat(redactor.redact("password: x1y2. mail a@b.co. card 4111111111111111.").text())
            .isEqualTo("password: [PASSWORD]. mail [EMAIL]. card 411111******1111.");
    }

    @Test
    void shouldReportSpansThatPointIntoInputAndOutput() {
        String text = "a@b.co and 4111111111111111";
        RedactionResult r = redactor.redact(text);
        assertThat(r.redactions()).hasSize(2);
        for (Redaction red : r.redactions()) {
            assertThat(r.text().substring(red.outputStart(), red.outputEnd())).isEqualTo(red.replacement());
            assertThat(red.end()).isGreaterThan(red.start());
        }
        assertThat(text.substring(r.redactions().get(0).start(), r.redactions().get(0).end())).isEqualTo("a@b.co");
    }

    @Test
    void shouldHashWithTheKeySoEqualValuesCorrelate() {
        Redactor hashing = Redactor.newBuilder().mode(PiiType.EMAIL, RedactionMode.HASH)
            .hashKey("0123456789abcdef".getBytes(StandardCharsets.UTF_8)).build();
        String a = hashing.redact("mail a@b.co").text();
        String b = hashing.redact("mail a@b.co").text();
        String c = hashing.redact("mail c@d.co").text();
        assertThat(a).isEqualTo(b).matches("mail \\[EMAIL:[a-z]{8}]").isNotEqualTo(c);
        assertThat(hashing.redact(a).text()).isEqualTo(a);
    }

    @Test
    void shouldDropValuesAndTheirTypeInDropMode() {
        Redactor dropping = Redactor.newBuilder().allModes(RedactionMode.DROP).build();
        assertThat(dropping.redact("call +90 532 123 45 67").text()).isEqualTo("call [REDACTED]");
    }

    @Test
    void shouldReportButNotChangeTypesInKeepMode() {
        Redactor keeping = Redactor.newBuilder().mode(PiiType.EMAIL, RedactionMode.KEEP).build();
        RedactionResult r = keeping.redact("mail a@b.co");
        assertThat(r.text()).isEqualTo("mail a@b.co");
        assertThat(r.redactions()).extracting(Redaction::type).containsExactly(PiiType.EMAIL);
    }

    @Test
    void shouldRejectHashModeWithoutAKeyAtBuild() {
        assertThatThrownBy(() -> Redactor.newBuilder().mode(PiiType.PHONE, RedactionMode.HASH).build())
            .isInstanceOf(ConfigurationException.class).hasMessageContaining("hashKey");
    }

    @Test
    void shouldRejectNullTextWithTypedError() {
        assertThatThrownBy(() -> redactor.redact(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldFinishOnAdversarialInputs() {
        String digits = "1".repeat(1_000_000);
        String spaced = "1 ".repeat(500_000);
        String ats = "a@".repeat(500_000);
        String dots = "a.".repeat(500_000) + "@" + "b.".repeat(500_000);
        String cues = "password ".repeat(100_000);
        String plus = "+".repeat(1_000_000);
        for (String s : new String[] {digits, spaced, ats, dots, cues, plus, "a".repeat(1_000_000)}) {
            RedactionResult r = redactor.redact(s);
            assertThat(r.text().length()).isLessThanOrEqualTo(s.length() + 32 * r.redactions().size());
        }
    }
}
