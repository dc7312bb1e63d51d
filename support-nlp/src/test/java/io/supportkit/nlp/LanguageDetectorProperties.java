package io.supportkit.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LanguageDetectorProperties {

    private final LanguageDetector detector = SharedAnalyzer.ANALYZER.languageDetector();

    /** Words of one script and fewer words of another, with where each of the latter goes. */
    record Mixed(List<String> own, List<String> foreign, List<Integer> positions) {
        String ownOnly() {
            return String.join(" ", own);
        }

        String mixed() {
            List<String> words = new ArrayList<>(own);
            for (int i = 0; i < foreign.size(); i++) {
                words.add(Math.min(positions.get(i), words.size()), foreign.get(i));
            }
            return String.join(" ", words);
        }
    }

    private static Arbitrary<String> words(char first, char last) {
        return Arbitraries.strings().withCharRange(first, last).ofMinLength(1).ofMaxLength(9);
    }

    private static Arbitrary<Mixed> mixed(Arbitrary<String> own, Arbitrary<String> foreign) {
        return Arbitraries.integers().between(2, 12).flatMap(n -> Combinators.combine(
            own.list().ofSize(n),
            foreign.list().ofMinSize(1).ofMaxSize(n - 1),
            Arbitraries.integers().between(0, n).list().ofSize(n - 1)).as(Mixed::new));
    }

    @Provide
    Arbitrary<Mixed> latinWithFewerCyrillicWords() {
        return mixed(words('a', 'z'), words('а', 'я'));
    }

    @Provide
    Arbitrary<Mixed> persianWithFewerLatinWords() {
        return mixed(Arbitraries.strings().withChars("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی").ofMinLength(1)
            .ofMaxLength(7), words('A', 'z').filter(w -> w.chars().allMatch(Character::isLetter)));
    }

    @Property(tries = 300)
    void outnumberedWordsOfAnotherScriptChangeNeitherTheLanguageNorTheConfidence(
        @ForAll("latinWithFewerCyrillicWords") Mixed cyrillicInLatin,
        @ForAll("persianWithFewerLatinWords") Mixed latinInPersian) {
        for (Mixed m : List.of(cyrillicInLatin, latinInPersian)) {
            LanguageGuess alone = detector.detect(m.ownOnly());
            LanguageGuess mixed = detector.detect(m.mixed());
            assertThat(mixed.language()).as(m.mixed()).isEqualTo(alone.language());
            assertThat(mixed.confidence()).as(m.mixed()).isEqualTo(alone.confidence());
            assertThat(mixed.runnerUp()).as(m.mixed()).isEqualTo(alone.runnerUp());
        }
    }
}
