package io.supportkit.internal;

import io.supportkit.InvalidInputException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequireTest {

    @Test
    void shouldNameTheParameterWhenNull() {
        assertThatThrownBy(() -> Require.nonNull(null, "tenant"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("tenant must not be null");
    }

    @Test
    void shouldRejectBlankLongAndControlCharacterIds() {
        assertThatThrownBy(() -> Require.id("  ", "customerId")).hasMessage("customerId must not be blank");
        assertThatThrownBy(() -> Require.id("x".repeat(129), "customerId"))
                .hasMessage("customerId must be at most 128 characters, was 129");
        assertThatThrownBy(() -> Require.id("a\nb", "customerId"))
                .hasMessageContaining("U+000A at index 1");
        assertThat(Require.id("cus_42-ü", "customerId")).isEqualTo("cus_42-ü");
    }

    @Test
    void shouldRejectUnpairedSurrogatesButKeepEmojiAndPersian() {
        assertThatThrownBy(() -> Require.text("ok \uD83D", "text", 100))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unpaired surrogate U+D83D at index 3");
        assertThatThrownBy(() -> Require.text("\uDE00x", "text", 100)).hasMessageContaining("U+DE00 at index 0");
        assertThat(Require.text("سلام 😀 İstanbul", "text", 100)).isEqualTo("سلام 😀 İstanbul");
    }

    @Test
    void shouldQuoteValuesForMessagesShortAndWellFormed() {
        assertThat(Require.quote("gold")).isEqualTo("\"gold\"");
        assertThat(Require.quote(null)).isEqualTo("null");
        assertThat(Require.quote("a\uD800b\nc")).isEqualTo("\"a\\uD800b\\u000Ac\"");
        assertThat(Require.quote("سلام 😀")).isEqualTo("\"سلام 😀\"");
        String huge = "x".repeat(10_000_000);
        assertThat(Require.quote(huge)).isEqualTo("\"" + "x".repeat(64) + "\"... (10000000 characters)");
        String pairOnTheCut = "x".repeat(63) + "😀" + "y";
        assertThat(Require.quote(pairOnTheCut)).isEqualTo("\"" + "x".repeat(63) + "\"... (66 characters)");
    }

    @Property(tries = 2000)
    void quotedValuesAreWellFormedAndBounded(@ForAll String value) {
        String quoted = Require.quote(value);
        assertThat(Require.firstUnpairedSurrogate(quoted)).isEqualTo(-1);
        assertThat(quoted.length()).isLessThanOrEqualTo(Require.QUOTE_LENGTH * 6 + 40);
        assertThat(quoted.chars().noneMatch(Character::isISOControl)).isTrue();
    }

    @Test
    void shouldRejectTextLongerThanTheLimit() {
        assertThatThrownBy(() -> Require.text("abcd", "text", 3)).hasMessage("text must be at most 3 characters, was 4");
    }

    @Property
    void wellFormedTextIsExactlyTextThatSurvivesUtf8RoundTrip(@ForAll String s) {
        boolean roundTrips = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s);
        assertThat(Require.firstUnpairedSurrogate(s) < 0).isEqualTo(roundTrips);
    }
}
