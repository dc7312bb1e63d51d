package io.supportkit.nlp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.supportkit.nlp.Language;
import io.supportkit.nlp.Tokenizer;
import org.junit.jupiter.api.Test;

/**
 * VADER's rules one by one, on English sentences written for these tests. Valences from the VADER lexicon:
 * good 1.9, bad -2.5, helpful 1.8, excellent 2.7, problem -1.7, mock -1.8, shit -2.6, ":3" 2.3, "=]" 1.6, yes 1.7.
 * "food", "service", "tall", "movie", "was" are not in the lexicon. Each test checks the raw valence sum behind
 * the compound score, so the expected figures are VADER's constants (booster 0.293, caps 0.733, negation -0.74,
 * "!" 0.292, "?" 0.18).
 */
class SentimentRulesTest {

    private static final SentimentScorer SCORER = new SentimentScorer();
    private static final double TOLERANCE = 1e-3;

    private static double compound(String text) {
        return SCORER.score(text, Tokenizer.tokenize(text, Language.ENGLISH), Language.ENGLISH).score();
    }

    /** The valence sum s behind a compound score c = s / sqrt(s^2 + 15). */
    private static double sum(String text) {
        double c = compound(text);
        return c * Math.sqrt(15 / (1 - c * c));
    }

    @Test
    void shouldNormaliseTheValenceSumAsVaderDoes() {
        assertThat(compound("The food was good")).isCloseTo(1.9 / Math.sqrt(1.9 * 1.9 + 15), within(1e-4));
        assertThat(compound("The food was tall")).isZero();
    }

    @Test
    void shouldBoostLessTheFartherTheBoosterStands() {
        assertThat(sum("The food was very good")).isCloseTo(1.9 + 0.293, within(TOLERANCE));
        assertThat(sum("very tall good")).isCloseTo(1.9 + 0.293 * 0.95, within(TOLERANCE));
        assertThat(sum("very tall service good")).isCloseTo(1.9 + 0.293 * 0.9, within(TOLERANCE));
        assertThat(sum("very tall service movie good")).as("four words away").isCloseTo(1.9, within(TOLERANCE));
    }

    @Test
    void shouldDampenWithSlightlyAndKindOf() {
        assertThat(sum("The food was slightly good")).isCloseTo(1.9 - 0.293, within(TOLERANCE));
        assertThat(sum("The food was kind of good")).as("'kind' is not scored as a word here")
            .isCloseTo(1.9 - 0.293, within(TOLERANCE));
        assertThat(sum("The food was kind")).isCloseTo(2.4, within(TOLERANCE));
    }

    @Test
    void shouldEmphasiseCapitalsOnlyWhenTheTextMixesCases() {
        assertThat(sum("The food was GOOD")).isCloseTo(1.9 + 0.733, within(TOLERANCE));
        assertThat(sum("The food was VERY good")).isCloseTo(1.9 + 0.293 + 0.733, within(TOLERANCE));
        assertThat(sum("THE FOOD WAS GOOD")).as("all capitals: no word stands out")
            .isCloseTo(1.9, within(TOLERANCE));
        assertThat(sum("I LOVE IT")).as("'I' is upper case too, as in Python's isupper")
            .isCloseTo(3.2, within(TOLERANCE));
    }

    @Test
    void shouldWeighHalfBeforeAndOneAndAHalfAfterTheFirstBut() {
        assertThat(sum("The food was good but the service was bad"))
            .isCloseTo(1.9 * 0.5 - 2.5 * 1.5, within(TOLERANCE));
    }

    @Test
    void shouldNegateWithinThreeWordsBefore() {
        assertThat(sum("The food was not good")).isCloseTo(-1.9 * 0.74, within(TOLERANCE));
        assertThat(sum("The food isn't good")).isCloseTo(-1.9 * 0.74, within(TOLERANCE));
        assertThat(sum("The food was not a very good")).as("booster, then negation three words back")
            .isCloseTo(-(1.9 + 0.293) * 0.74, within(TOLERANCE));
        assertThat(sum("not tall service movie good")).as("four words back").isCloseTo(1.9, within(TOLERANCE));
    }

    @Test
    void shouldReadNeverSoAsPraiseAndWithoutDoubtAsNoNegation() {
        assertThat(sum("The food was never good")).isCloseTo(-1.9 * 0.74, within(TOLERANCE));
        assertThat(sum("The food was never so good")).isGreaterThan(sum("The food was so good"));
        assertThat(compound("Without a doubt, an excellent idea.")).isGreaterThan(compound("An excellent idea."));
    }

    @Test
    void shouldNegateAfterLeastButNotAfterAtLeast() {
        assertThat(sum("the least helpful service")).isCloseTo(-1.8 * 0.74, within(TOLERANCE));
        assertThat(sum("at least helpful service")).isCloseTo(1.8, within(TOLERANCE));
    }

    @Test
    void shouldLetNoNegateTheNextSentimentWordInsteadOfCountingItself() {
        assertThat(sum("no problem")).isCloseTo(1.7 * 0.74, within(TOLERANCE));
        assertThat(sum("no tall problem")).isCloseTo(1.7 * 0.74 - 1.2, within(TOLERANCE));
        assertThat(sum("no")).isCloseTo(-1.2, within(TOLERANCE));
    }

    @Test
    void shouldScoreVadersSpecialCaseIdioms() {
        assertThat(sum("the movie was the shit")).isCloseTo(3.0, within(TOLERANCE));
        assertThat(sum("the movie was shit")).isCloseTo(-2.6, within(TOLERANCE));
        assertThat(sum("his new hair was bad ass")).as("both words take the idiom's value, as in VADER")
            .isCloseTo(1.5 + 1.5, within(TOLERANCE));
    }

    @Test
    void shouldAddExclamationEmphasisUpToFourMarks() {
        assertThat(sum("good!")).isCloseTo(1.9 + 0.292, within(TOLERANCE));
        assertThat(sum("good!!!!!!")).isCloseTo(1.9 + 4 * 0.292, within(TOLERANCE));
        assertThat(sum("bad!!")).isCloseTo(-2.5 - 2 * 0.292, within(TOLERANCE));
        assertThat(compound("tall!!!")).as("emphasis of nothing is nothing").isZero();
    }

    @Test
    void shouldAddQuestionEmphasisFromTwoMarks() {
        assertThat(sum("good?")).isCloseTo(1.9, within(TOLERANCE));
        assertThat(sum("good??")).isCloseTo(1.9 + 2 * 0.18, within(TOLERANCE));
        assertThat(sum("good????")).isCloseTo(1.9 + 0.96, within(TOLERANCE));
    }

    @Test
    void shouldScoreEmoticonsTheTokenizerSplits() {
        assertThat(sum("thanks :3")).isCloseTo(sum("thanks") + 2.3, within(TOLERANCE));
        assertThat(sum("=]")).isCloseTo(1.6, within(TOLERANCE));
    }

    @Test
    void shouldTreatWordsGluedByHyphensOrDotsAsOneUnknownItem() {
        assertThat(sum("mock all day")).isCloseTo(-1.8, within(TOLERANCE));
        assertThat(compound("mock-ups all day")).isZero();
        assertThat(compound("at good.example.com/mock")).isZero();
        assertThat(sum("The food was good, the service bad.")).as("commas and full stops do not glue")
            .isCloseTo(1.9 - 2.5, within(TOLERANCE));
    }

    @Test
    void shouldTakeTheLastRatingOfAWordTheLexiconListsTwice() {
        assertThat(sum("lol")).as("VADER's dict keeps the second 'lol' (1.8), not the first (2.9)")
            .isCloseTo(1.8, within(TOLERANCE));
    }

    @Test
    void shouldReadStretchedWordsAsTheWordTheyStretch() {
        assertThat(sum("goooood")).isCloseTo(1.9, within(TOLERANCE));
        assertThat(sum("sooo good")).isCloseTo(1.9 + 0.293, within(TOLERANCE));
        assertThat(sum("yessss")).isCloseTo(1.7, within(TOLERANCE));
    }

    @Test
    void shouldLetAModifierReachOnlyTheNearestSentimentWord() {
        // ours: VADER would also negate "good" across "bad", giving 2.5 * 0.74 - 1.9 * 0.74
        assertThat(sum("not bad good")).isCloseTo(2.5 * 0.74 + 1.9, within(TOLERANCE));
    }

    @Test
    void shouldNotNegateAcrossASentenceEnd() {
        assertThat(sum("It was not. Good")).isCloseTo(1.9, within(TOLERANCE));
        assertThat(sum("It was not good")).isCloseTo(-1.9 * 0.74, within(TOLERANCE));
    }

    @Test
    void shouldReadACapitalDEmoticonAsTheFaceOfDismayTheEmoticonBlockRates() {
        // VADER lists "d:" twice: -2.9 among the emoticons (the "D:" face), 1.2 among the words
        assertThat(sum("D:")).isCloseTo(-2.9, within(TOLERANCE));
        assertThat(sum("D=")).isCloseTo(-3.0, within(TOLERANCE));
        assertThat(sum("d:")).as("lower case keeps VADER's last rating").isCloseTo(1.2, within(TOLERANCE));
        assertThat(sum("XD")).as("listings of one sign keep the last rating").isCloseTo(2.8, within(TOLERANCE));
    }

    @Test
    void shouldReadHtmlCharacterReferencesAsTheCharactersTheyStandFor() {
        assertThat(sum("thanks &lt;3")).isCloseTo(sum("thanks <3"), within(TOLERANCE));
        assertThat(sum("&gt;:[")).isCloseTo(-2.1, within(TOLERANCE));
        assertThat(sum("&quot;good&quot;")).isCloseTo(1.9, within(TOLERANCE));
        assertThat(compound("fish &amp; chips")).isZero();
        assertThat(compound("&lt;")).isZero();
    }

    @Test
    void shouldReadAnEmoticonWithItsLastCharacterTypedAgainAsTheEmoticon() {
        assertThat(sum("<333")).isCloseTo(1.9, within(TOLERANCE));
        assertThat(sum("&lt;3333")).isCloseTo(1.9, within(TOLERANCE));
        assertThat(sum(":(((")).isCloseTo(-1.9, within(TOLERANCE));
        assertThat(sum(":)))))")).isCloseTo(2.0, within(TOLERANCE));
        assertThat(sum(":DDD")).isCloseTo(2.3, within(TOLERANCE));
        assertThat(sum(":-DDD")).isCloseTo(2.3, within(TOLERANCE));
        assertThat(sum(":3333")).isCloseTo(2.3, within(TOLERANCE));
        assertThat(sum(":-))")).as("listed as typed: VADER's own rating").isCloseTo(2.8, within(TOLERANCE));
        assertThat(compound("good...")).isCloseTo(compound("good"), within(TOLERANCE));
        assertThat(compound("?!!!")).isZero();
    }

    @Test
    void shouldReadAWordWithADroppedGAsTheWord() {
        // "loving" 2.9, "crying" -2.1, "nothing" a negator
        assertThat(sum("lovin' it")).isCloseTo(2.9, within(TOLERANCE));
        assertThat(sum("the kid was cryin’")).isCloseTo(-2.1, within(TOLERANCE));
        assertThat(sum("nothin' good")).isCloseTo(-1.9 * 0.74, within(TOLERANCE));
        assertThat(compound("lovin it")).as("without the apostrophe no g was dropped (\"robin\")").isZero();
    }

    @Test
    void shouldNotScoreAWordInScareQuotes() {
        assertThat(compound("the \"good\" service")).isZero();
        assertThat(compound("the 'excellent' food")).isZero();
        assertThat(compound("the \u201Cgood\u201D service")).isZero();
        assertThat(sum("\"the food was good\"")).as("a quoted sentence is still said").isCloseTo(1.9, within(TOLERANCE));
        assertThat(sum("\"good")).isCloseTo(1.9, within(TOLERANCE));
    }

    @Test
    void shouldReadNoBeforeACommaAsAnAnswerThatNegatesNothing() {
        assertThat(sum("no, it was good")).isCloseTo(-1.2 + 1.9, within(TOLERANCE));
        assertThat(sum("No , it was good")).as("comma spaced apart").isCloseTo(-1.2 + 1.9, within(TOLERANCE));
        assertThat(sum("No, no, no")).isCloseTo(3 * -1.2, within(TOLERANCE));
        assertThat(sum("no good ideas")).as("the determiner still negates").isCloseTo(1.9 * -0.74, within(TOLERANCE));
    }

    @Test
    void shouldNotLetNoNegateAcrossASentenceEnd() {
        assertThat(sum("No. Good")).isCloseTo(-1.2 + 1.9, within(TOLERANCE));
        assertThat(sum("no good")).isCloseTo(1.9 * -0.74, within(TOLERANCE));
    }

    @Test
    void shouldNotEmphasiseTheCapitalsOfAnAbbreviation() {
        // "lol" 1.8 and "wtf" -2.8 are in VADER's block of abbreviations; "good" is a word
        assertThat(sum("that was LOL")).isCloseTo(1.8, within(TOLERANCE));
        assertThat(sum("that was WTF")).isCloseTo(-2.8, within(TOLERANCE));
        assertThat(sum("that was GOOD")).isCloseTo(1.9 + 0.733, within(TOLERANCE));
    }
}
