package io.supportkit.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The tokenizer's shortcut for lower-case ASCII words must give what its general scan gives: the folded form of
 * every word is the text normaliser's, whatever mix of cases, apostrophes, digits, Turkish and Persian letters,
 * ZWNJ and punctuation surrounds it.
 */
class TokenizerProperties {

    private static final String ALPHABET = "abcxyzABCXYZ0129 '’.,!?-:;()#@İıIiŞşĞğÜü\u200Cکیيكسلام۱۲\u0640\u200F";

    @Provide
    Arbitrary<String> chatText() {
        return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(60);
    }

    @Provide
    Arbitrary<Language> language() {
        return Arbitraries.of(Language.ENGLISH, Language.TURKISH, Language.PERSIAN, Language.UNKNOWN);
    }

    @Property(tries = 2000)
    void tokensAreOrderedSpansOfTheInput(@ForAll("chatText") String text, @ForAll("language") Language language) {
        List<Token> tokens = Tokenizer.tokenize(text, language);
        int previousEnd = 0;
        for (Token t : tokens) {
            assertThat(t.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(t.end()).isGreaterThan(t.start()).isLessThanOrEqualTo(text.length());
            assertThat(t.text()).isEqualTo(text.substring(t.start(), t.end()));
            previousEnd = t.end();
        }
    }

    @Property(tries = 2000)
    void wordsAreFoldedAsTheNormalizerFoldsThem(@ForAll("chatText") String text,
                                                @ForAll("language") Language language) {
        for (Token t : Tokenizer.tokenize(text, language)) {
            if (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.NUMBER) {
                // the tokenizer writes the typographic apostrophe as the ASCII one inside words
                assertThat(t.folded()).isEqualTo(TextNormalizer.fold(t.text().replace('’', '\''), language));
                // tatweel is a letter to Unicode (Lm) but only stretches a word: it makes no word of digits
                boolean hasLetter = t.text().codePoints()
                    .anyMatch(c -> Character.isLetter(c) && c != '\u0640' && TextNormalizer.digitValue((char) c) < 0);
                assertThat(t.kind()).isEqualTo(hasLetter ? Token.Kind.WORD : Token.Kind.NUMBER);
            }
        }
    }
}
