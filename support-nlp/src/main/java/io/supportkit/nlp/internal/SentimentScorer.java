package io.supportkit.nlp.internal;

import io.supportkit.nlp.IntentCue;
import io.supportkit.nlp.Language;
import io.supportkit.nlp.Sentiment;
import io.supportkit.nlp.SentimentLabel;
import io.supportkit.nlp.Token;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule-based sentiment after VADER (Hutto and Gilbert 2014, the rules of vaderSentiment 3.3), extended to Turkish
 * and Persian.
 *
 * <p>Like VADER it scores the runs of characters between spaces ("items": a hyphenated or dotted compound such as
 * "mock-ups" or "bit.ly/x" is one item, known only if the lexicon lists it whole; an emoticon the tokenizer split,
 * such as ":3", is one item) with VADER's rules: lexicon valences (of a word listed twice, the last rating);
 * boosters and dampeners one, two or three items before a word (x1, x0.95, x0.9), "kind of"/"sort of"; ALL CAPS
 * emphasis only when the text mixes cases; negation one to three items before ("never so good" and "without
 * doubt" excepted), "no" before a word, "least" but not "at least"; VADER's special-case idioms ("the shit");
 * "but" (x0.5 before the first one, x1.5 after); "!" (up to four) and "??" emphasis; the compound score
 * {@code s / sqrt(s^2 + 15)}. A word that is itself in the lexicon is not a modifier, as in VADER.
 *
 * <p>Our additions: a modifier (also "no") reaches only the nearest sentiment word after it and never across a
 * sentence end; "No," as an answer negates nothing; stretched words ("goooood") and emoticons ("<333", ":(((") are
 * read as the word or emoticon, "lovin'" as "loving", HTML character references as their characters; "D:" and "D="
 * are faces of dismay; a word in scare quotes is not scored; the capitals of VADER's abbreviations ("LOL") are no
 * emphasis; Turkish and Persian stems, negation after the word (Turkish
 * "değil", Persian "نیست") and Turkish negative verb suffixes; emoji valences from VADER's emoji descriptions;
 * anger and churn-risk signals from keyword phrases. Thread-safe: each call has its own scratch arrays.
 */
public final class SentimentScorer {

    private static final float B_INCR = 0.293f;
    private static final float C_INCR = 0.733f;
    private static final float N_SCALAR = -0.74f;
    private static final double ALPHA = 15.0;
    /** VADER: "never so good", "never this happy" strengthen instead of negating. */
    private static final float NEVER_SO = 1.25f;
    private static final String[][] TWO_WORD_DAMPENERS = {{"kind", "of"}, {"sort", "of"}, {"just", "enough"}};
    private static final Idioms SPECIAL_CASES = new Idioms(new String[][] {
        {"the", "shit"}, {"the", "bomb"}, {"bad", "ass"}, {"bus", "stop"}, {"yeah", "right"}, {"kiss", "of", "death"},
        {"to", "die", "for"}, {"beating", "heart"}, {"broken", "heart"}},
        new float[] {3f, 3f, 1.5f, 0f, -2f, -1.5f, 3f, 3.1f, -2.9f});
    /** A compound or emoticon item of more characters than this is never looked up whole. */
    private static final int MAX_WHOLE_ITEM = 24;

    private static final Map<String, Float> BOOSTERS = boosters();
    private static final Set<String> ABBREVIATIONS = SentimentLexicon.get().abbreviations;
    private static final Set<String> NEGATORS_BEFORE = Set.of("aint", "arent", "cannot", "cant", "couldnt",
        "darent", "didnt", "doesnt", "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont",
        "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't",
        "isn't", "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing",
        "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "uh-uh", "wasnt", "werent", "oughtn't", "shan't",
        "shouldn't", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom",
        "despite", "بدون");
    // Not negators: Turkish "hiç"/"asla" and Persian "هیچ"/"هرگز" go with a verb that is already negative.
    private static final Set<String> NEGATORS_AFTER = Set.of("değil", "değildi", "değilim", "değiliz", "değilsiniz",
        "değildir", "yok", "yoktu", "olmadı", "olmaz", "olmuyor", "نیست", "نبود", "نیستم", "نیستند", "نه", "نشد",
        "نشده", "ندارد", "نداره", "ندارم", "نکرد", "نکردم", "نمی\u200Cشود", "نمیشه", "نمی\u200Cشه", "نبوده");
    private static final Set<String> BUT = Set.of("but", "ama", "fakat", "ancak", "lakin", "ولی", "اما", "لیکن");
    private static final Set<String> ANGRY_EMOJI = Set.of("😡", "🤬", "😠", "👿", "💢", "😤", "🖕");
    /** The last characters of emoticons that are typed again to stretch them (":)))", "<333", ":-DDD"). */
    private static final String EMOTICON_MOUTHS = ")(][}{DPpOo3|/\\*>";
    /** Python's {@code string.punctuation}, which VADER strips from both ends of an item. */
    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final SentimentLexicon lexicon = SentimentLexicon.get();

    /**
     * Sentiment of {@code text}, given its tokens from {@link io.supportkit.nlp.Tokenizer} for {@code language}
     * (the text tells which tokens stand between the same two spaces).
     */
    public Sentiment score(String text, List<Token> tokens, Language language) {
        Map<String, Float> words = lexicon.forLanguage(language);
        boolean turkish = language == Language.TURKISH || language == Language.AZERBAIJANI;
        boolean persian = language == Language.PERSIAN || language == Language.URDU || language == Language.ARABIC;
        // New per call, not a reused thread-local: a long-lived scratch array is in the old generation, and with
        // G1 every young string stored into it takes the write barrier's slow path (card marking and refinement);
        // measured, that made scoring about 60 % slower once the scratch had been promoted.
        Items items = new Items(tokens.size() + 4);
        int n = tokens.size();
        int length = text.length();
        int exclamations = 0;
        int questions = 0;
        int sentence = 0;
        // Items are the runs of characters between spaces. Spaces only occur between tokens, so only the gaps
        // between tokens are scanned; a gap may also hold a whole item the tokenizer skipped ("-", "=]").
        int itemStart = -1;
        int first = 0;
        int at = 0;
        for (int k = 0; k <= n; k++) {
            int gapEnd = k < n ? tokens.get(k).start() : length;
            for (; at < gapEnd; at++) {
                if (isSpace(text.charAt(at))) {
                    if (itemStart >= 0) {
                        sentence = addItems(text, itemStart, at, tokens, first, k, items, words, turkish, persian,
                            sentence);
                        itemStart = -1;
                    }
                } else if (itemStart < 0) {
                    itemStart = at;
                    first = k;
                }
            }
            if (k == n) {
                break;
            }
            Token t = tokens.get(k);
            if (itemStart < 0) {
                int end = t.end();
                if (t.kind() == Token.Kind.WORD && (end == length || isSpace(text.charAt(end)))) {
                    addWord(t, k, items, words, turkish, persian, sentence, false); // the usual case: a word alone
                    at = end;
                    continue;
                }
                itemStart = t.start();
                first = k;
            }
            if (t.kind() == Token.Kind.PUNCTUATION) {
                char c = t.text().charAt(0); // a run of one character
                if (c == '!') {
                    exclamations += t.text().length();
                } else if (c == '?' || c == '؟') {
                    questions += t.text().length();
                }
            }
            at = t.end();
        }
        if (itemStart >= 0) {
            addItems(text, itemStart, length, tokens, first, n, items, words, turkish, persian, sentence);
        }
        int m = items.size;
        int butIndex = items.butIndex;
        boolean capDifferential = items.upperCount > 0 && items.upperCount < m;
        double sum = 0;
        for (int s = 0; s < items.scoredCount; s++) {
            int i = items.scored[s];
            float v = valence(items, i, capDifferential);
            if (v != 0f && (items.negatedBySuffix[i]
                || ((turkish || persian) && items.token[i] >= 0 && negatedAfter(tokens, items.token[i])))) {
                v *= N_SCALAR;
            }
            if (butIndex >= 0) {
                v *= i < butIndex ? 0.5f : i > butIndex ? 1.5f : 1f;
            }
            sum += v;
        }
        if (sum != 0) {
            double emphasis = Math.min(exclamations, 4) * 0.292;
            if (questions > 1) {
                emphasis += questions <= 3 ? questions * 0.18 : 0.96;
            }
            sum += sum > 0 ? emphasis : -emphasis;
        }
        double compound = sum / Math.sqrt(sum * sum + ALPHA);
        compound = Math.max(-1.0, Math.min(1.0, compound));
        return withSignals(tokens, compound, exclamations, items.shouting, items.angryEmoji);
    }

    private static Sentiment withSignals(List<Token> tokens, double compound, int exclamations, int shouting,
                                         boolean angryEmoji) {
        double[] anger = {0};
        Cues.ANGER.match(tokens, (w, a, b) -> anger[0] += w);
        double angerScore = 0.45 * Math.min(1.0, anger[0]) + 0.35 * Math.max(0, -compound)
            + (shouting >= 2 ? 0.15 : 0) + (exclamations >= 2 ? 0.1 : 0) + (angryEmoji ? 0.4 : 0);
        double[] churn = {0};
        Cues.CHURN.match(tokens, (w, a, b) -> churn[0] = Math.max(churn[0], w));
        double churnScore = churn[0] > 0 ? 0.6 * churn[0] + 0.25 * Math.max(0, -compound) + 0.15 * Math.min(1, angerScore)
            : 0.3 * Math.min(1, angerScore) * Math.max(0, -compound);
        return new Sentiment(compound, SentimentLabel.of(compound), clamp(angerScore), clamp(churnScore));
    }

    /**
     * Adds the items of the characters {@code [start, end)} between two spaces, holding tokens {@code [first, last)},
     * and returns the sentence number of what follows: one more when these characters end a sentence.
     */
    private int addItems(String text, int start, int end, List<Token> tokens, int first, int last, Items items,
                         Map<String, Float> words, boolean turkish, boolean persian, int sentence) {
        addItemsOf(text, start, end, tokens, first, last, items, words, turkish, persian, sentence);
        char c = text.charAt(end - 1);
        return c == '.' || c == '!' || c == '?' || c == '…' || c == '؟' || c == '؛' ? sentence + 1 : sentence;
    }

    private void addItemsOf(String text, int start, int end, List<Token> tokens, int first, int last, Items items,
                            Map<String, Float> words, boolean turkish, boolean persian, int sentence) {
        int core = -1;
        int cores = 0;
        int emojiChars = 0;
        for (int k = first; k < last; k++) {
            Token t = tokens.get(k);
            if (t.kind() == Token.Kind.EMOJI) {
                // VADER puts an emoji's description in place of the emoji, as words of their own
                Float v = emojiValence(t.text());
                items.angryEmoji |= ANGRY_EMOJI.contains(t.text());
                items.add(t.text(), v == null ? 0f : v, v != null, false, k, false, sentence);
                emojiChars += t.end() - t.start();
            } else if (t.kind() != Token.Kind.PUNCTUATION) {
                core = k;
                cores++;
            }
        }
        int chars = end - start - emojiChars;
        if (chars == 0) {
            return;
        }
        if (cores == 1) {
            Token t = tokens.get(core);
            boolean alone = t.end() - t.start() == end - start;
            if (!alone && t.end() - t.start() <= 2 && t.kind() != Token.Kind.EMOTICON) {
                // ":3", ":l", "D:", "&gt;:[": one or two letters in punctuation are an emoticon, known or not,
                // unless the punctuation only ends a sentence ("ok.", "no!!")
                if (end - start <= MAX_WHOLE_ITEM && addWhole(text, start, end, items, sentence)) {
                    return;
                }
                if (t.start() > start || !onlySentencePunctuation(text, t.end(), end)) {
                    items.add("", 0f, false, false, -1, false, sentence);
                    return;
                }
            }
            if (!alone && t.start() > start && end - start <= MAX_WHOLE_ITEM && isOneCharRun(t.text())
                && addWhole(text, start, end, items, sentence)) {
                return; // ":DDD", ":3333": a stretched emoticon mouth
            }
            if (t.kind() == Token.Kind.EMOTICON) {
                items.angryEmoji |= ">:(".equals(t.text());
                String f = SecretCues.fold(t.text());
                Float v = lexicon.english.get(f);
                if (v == null && !alone && addWhole(text, start, end, items, sentence)) {
                    return; // ":)))" is the tokenizer's ":))" and one more ")": read as ":)"
                }
                items.add(f, v == null ? 0f : v, v != null, isUpper(t.text()), core, false, sentence);
                return;
            }
            if (t.kind() == Token.Kind.NUMBER) {
                items.add(t.folded(), 0f, false, false, core, false, sentence);
                return;
            }
            char after = t.end() < end ? text.charAt(t.end()) : ' ';
            if (t.kind() == Token.Kind.WORD && t.start() > start && isQuote(text.charAt(t.start() - 1)) && isQuote(after)) {
                items.add(t.folded(), 0f, false, false, core, false, sentence); // a word in scare quotes is mentioned
                return;
            }
            addWord(t, core, items, words, turkish, persian, sentence, after == '\'' || after == '\u2019');
            if ((after == ',' || after == '!') && items.word[items.size - 1].equals("no")) {
                items.interjection[items.size - 1] = true; // "No, ...": an answer, not a determiner
            }
            return;
        }
        // No word, or several glued together ("mock-ups", "bit.ly/x", "-", "..."): one item, scored only when
        // the whole of it is in the lexicon or is a modifier ("kind-of", "uh-uh"), as in VADER.
        char c = text.charAt(start);
        if ((c == ',' || c == '!') && items.size > 0 && items.word[items.size - 1].equals("no")) {
            items.interjection[items.size - 1] = true; // "No , ..." with the comma spaced apart
        }
        if (!addWhole(text, start, end, items, sentence)) {
            items.add("", 0f, false, false, -1, false, sentence);
        }
    }

    /** With {@code apostropheAfter}, the word is followed by an apostrophe: "lovin'" may stand for "loving". */
    private static void addWord(Token t, int index, Items items, Map<String, Float> words, boolean turkish,
                                boolean persian, int sentence, boolean apostropheAfter) {
        String f = t.folded();
        Float v = words.get(f);
        String text = t.text();
        // One pass over the word: all capitals ("GOOD")? a letter typed three times ("gooood")?
        boolean lower = false;
        boolean cased = false;
        boolean stretched = false;
        char previous = 0;
        int run = 0;
        for (int c = 0; c < text.length(); c++) {
            char ch = text.charAt(c);
            lower |= Character.isLowerCase(ch);
            cased |= Character.isUpperCase(ch);
            run = ch == previous ? run + 1 : 1;
            previous = ch;
            stretched |= run == 3 && Character.isLetter(ch);
        }
        boolean upper = cased && !lower;
        if (v == null && stretched && hasLetterRun(f) && !BOOSTERS.containsKey(f)) {
            f = unstretched(f, words); // "goooood", "sooo", "yesssss"
            v = words.get(f);
        }
        if (v == null && apostropheAfter && !turkish && !persian && f.length() > 3 && f.endsWith("in")) {
            String ing = f + "g"; // the apostrophe marks a dropped g: "lovin'", "cryin'", "nothin'"
            if (words.containsKey(ing) || BOOSTERS.containsKey(ing) || NEGATORS_BEFORE.contains(ing)) {
                f = ing;
                v = words.get(f);
            }
        }
        boolean known = v != null;
        boolean negated = false;
        if (v == null && (turkish || persian)) {
            boolean[] flag = new boolean[1];
            v = lookup(words, f, turkish, persian, flag);
            if (v == null && turkish && t.text().indexOf('I') >= 0) {
                // "IPTAL", "REZIL": capitals typed without a Turkish keyboard mean i, not ı
                v = lookup(words, f.replace('ı', 'i'), true, false, flag);
            }
            negated = flag[0];
        }
        if (upper && v != null && v != 0f && t.isShouting()) {
            items.shouting++; // shouted sentiment words ("TERRIBLE") count towards anger
        }
        items.add(f, v == null ? 0f : v, known, upper, index, negated, sentence);
    }

    /**
     * Adds the item {@code [start, end)} stripped of ASCII punctuation when the lexicon or the modifiers know it.
     * Beyond VADER: HTML character references are read as the characters they stand for ("&amp;lt;3" is "<3"),
     * and an emoticon whose last character is typed again ("<333", ":(((", ":-DDD") is read as the emoticon.
     */
    private boolean addWhole(String text, int start, int end, Items items, int sentence) {
        String item = text;
        if (end - start <= 6 * MAX_WHOLE_ITEM && text.lastIndexOf('&', end - 1) >= start) {
            String decoded = decodeHtml(text, start, end);
            if (decoded != null) {
                item = decoded;
                start = 0;
                end = decoded.length();
            }
        }
        int s = start;
        int e = end;
        while (s < e && isAsciiPunctuation(item.charAt(s))) {
            s++;
        }
        while (e > s && isAsciiPunctuation(item.charAt(e - 1))) {
            e--;
        }
        if (e - s <= 2) {
            s = start; // VADER keeps the punctuation when stripping leaves two characters or fewer (":)", ":-D")
            e = end;
        }
        if (e - s > MAX_WHOLE_ITEM) {
            return false;
        }
        String raw = item.substring(s, e);
        String f = SecretCues.fold(raw);
        Float v = lexicon.english.get(f);
        if (v != null && !f.equals(raw)) {
            Float face = lexicon.capitalEmoticons.get(f);
            if (face != null) {
                v = face; // "D:" and "D=" are faces of dismay, as rated among VADER's emoticons
            }
        }
        if (v == null && !BOOSTERS.containsKey(f) && !NEGATORS_BEFORE.contains(f)) {
            raw = stretchedEmoticon(item, start, end);
            if (raw == null) {
                return false;
            }
            f = SecretCues.fold(raw);
            v = lexicon.english.get(f);
        }
        items.add(f, v == null ? 0f : v, v != null, isUpper(raw), -1, false, sentence);
        return true;
    }

    /**
     * The emoticon {@code item[start, end)} with its repeated last character typed once ("<333" to "<3", ":(((" to
     * ":(", ":-DDD" to ":-D"), when the lexicon lists it as an emoticon (no two letters in a row); else null.
     */
    private String stretchedEmoticon(String item, int start, int end) {
        int run = 1;
        char last = item.charAt(end - 1);
        while (end - run - 1 >= start && item.charAt(end - run - 1) == last) {
            run++;
        }
        if (run < 2 || end - run + 1 - start < 2 || EMOTICON_MOUTHS.indexOf(last) < 0) {
            return null;
        }
        String emoticon = item.substring(start, end - run + 1);
        String f = SecretCues.fold(emoticon);
        return lexicon.english.containsKey(f) && !SentimentLexicon.hasTwoLetters(f) ? emoticon : null;
    }

    /**
     * {@code text[start, end)} with the HTML character references "&amp;lt;", "&amp;gt;", "&amp;amp;", "&amp;quot;",
     * "&amp;apos;" and "&amp;#39;" replaced by their characters, as text copied from web pages and feeds carries
     * them; null when there is none.
     */
    static String decodeHtml(String text, int start, int end) {
        StringBuilder b = null;
        int copied = start;
        for (int i = start; i < end; i++) {
            if (text.charAt(i) != '&') {
                continue;
            }
            char c = 0;
            int length = 0;
            if (text.startsWith("&lt;", i)) {
                c = '<';
                length = 4;
            } else if (text.startsWith("&gt;", i)) {
                c = '>';
                length = 4;
            } else if (text.startsWith("&amp;", i)) {
                c = '&';
                length = 5;
            } else if (text.startsWith("&quot;", i)) {
                c = '"';
                length = 6;
            } else if (text.startsWith("&apos;", i) || text.startsWith("&#39;", i)) {
                c = '\'';
                length = text.charAt(i + 1) == '#' ? 5 : 6;
            }
            if (length == 0 || i + length > end) {
                continue;
            }
            if (b == null) {
                b = new StringBuilder(end - start);
            }
            b.append(text, copied, i).append(c);
            i += length - 1;
            copied = i + 1;
        }
        return b == null ? null : b.append(text, copied, end).toString();
    }

    /** Valence of item {@code i} after VADER's rules. */
    private static float valence(Items items, int i, boolean capDifferential) {
        String[] w = items.word;
        float b = items.valence[i];
        if (b == 0f || BOOSTERS.containsKey(w[i])) {
            return 0f; // boosters only modify, even those the lexicon lists
        }
        String f = w[i];
        int m = items.size;
        if (f.equals("kind") && i + 1 < m && w[i + 1].equals("of")) {
            return 0f;
        }
        if (f.equals("no") && i + 1 < m && items.known[i + 1] && !items.interjection[i]
            && items.sentence[i + 1] == items.sentence[i]) {
            return 0f; // "no problem": "no" negates the next word instead of counting itself
        }
        float v = b;
        if ((i > 0 && isNo(items, i - 1, i)) || (i > 1 && isNo(items, i - 2, i))
            || (i > 2 && isNo(items, i - 3, i) && (w[i - 1].equals("or") || w[i - 1].equals("nor")))) {
            v = b * N_SCALAR;
        }
        if (capDifferential && items.upper[i] && !ABBREVIATIONS.contains(f)) {
            // the capitals of "LOL", "WTF", "OK" spell the abbreviation: they are no emphasis
            v += v > 0 ? C_INCR : -C_INCR;
        }
        for (int k = 0; k < 3 && k < i; k++) {
            int j = i - k - 1;
            if (items.sentence[j] != items.sentence[i]) {
                break; // unlike VADER, a modifier does not reach across a sentence end
            }
            if (items.known[j] && !(w[j].equals("kind") && w[j + 1].equals("of"))) {
                // Unlike VADER, which skips such a word and looks further back, a modifier reaches only the
                // nearest sentiment word after it: "DON'T CARE DON'T CARE" is not negated twice. Chosen because it
                // also raised the correlation on the movie snippets and XED (see benchmarks/RESULTS.md).
                break;
            }
            Float boost = BOOSTERS.get(w[j]);
            if (boost != null) {
                float s = v < 0 ? -boost : boost;
                if (capDifferential && items.upper[j]) {
                    s += v > 0 ? C_INCR : -C_INCR;
                }
                v += s * (k == 0 ? 1f : k == 1 ? 0.95f : 0.9f);
            }
            v = negationCheck(v, w, k, i);
        }
        if (i > 2 && !items.known[i - 3]) {
            v = idiomCheck(v, w, m, i); // where VADER checks them: three items back is no sentiment word
        }
        if (i > 0 && w[i - 1].equals("least") && !items.known[i - 1]
            && (i == 1 || !(w[i - 2].equals("at") || w[i - 2].equals("very")))) {
            v *= N_SCALAR; // "the least helpful", but not "at least helpful" or "very least"
        }
        return v;
    }

    /**
     * "no" at {@code j} as a determiner of item {@code i} ("no problem"): not as an answer before a comma or "!"
     * ("No, it was great"), and, like every modifier here, not across a sentence end ("No. Good").
     */
    private static boolean isNo(Items items, int j, int i) {
        return items.word[j].equals("no") && !items.interjection[j] && items.sentence[j] == items.sentence[i];
    }

    /** VADER's negation of a word by a negator one, two or three items before it. */
    private static float negationCheck(float v, String[] w, int k, int i) {
        String before = w[i - k - 1];
        if (k == 1) {
            if (w[i - 2].equals("never") && isSoOrThis(w[i - 1])) {
                return v * NEVER_SO; // "never so good" praises
            }
            if (w[i - 2].equals("without") && w[i - 1].equals("doubt")) {
                return v;
            }
        } else if (k == 2) {
            if ((w[i - 3].equals("never") && isSoOrThis(w[i - 2])) || isSoOrThis(w[i - 1])) {
                return v * NEVER_SO;
            }
            if (w[i - 3].equals("without") && (w[i - 2].equals("doubt") || w[i - 1].equals("doubt"))) {
                return v;
            }
        }
        return isNegator(before) ? v * N_SCALAR : v;
    }

    private static boolean isSoOrThis(String word) {
        return word.equals("so") || word.equals("this");
    }

    /** VADER's idioms around the word ("the shit", "kiss of death") and the two-word dampeners ("kind of"). */
    private static float idiomCheck(float v, String[] w, int m, int i) {
        String w3 = w[i - 3];
        String w2 = w[i - 2];
        String w1 = w[i - 1];
        String w0 = w[i];
        List<Idioms.Idiom> from1 = SPECIAL_CASES.startingWith(w1);
        List<Idioms.Idiom> from2 = SPECIAL_CASES.startingWith(w2);
        List<Idioms.Idiom> from3 = SPECIAL_CASES.startingWith(w3);
        if (from1 != null || from2 != null || from3 != null) {
            Float idiom = Idioms.match(from1, w0, null);
            if (idiom == null) {
                idiom = Idioms.match(from2, w1, w0);
            }
            if (idiom == null) {
                idiom = Idioms.match(from2, w1, null);
            }
            if (idiom == null) {
                idiom = Idioms.match(from3, w2, w1);
            }
            if (idiom == null) {
                idiom = Idioms.match(from3, w2, null);
            }
            if (idiom != null) {
                v = idiom;
            }
        }
        List<Idioms.Idiom> from0 = i + 1 < m ? SPECIAL_CASES.startingWith(w0) : null;
        if (from0 != null) {
            Float idiom = Idioms.match(from0, w[i + 1], null);
            if (idiom != null) {
                v = idiom;
            }
            if (i + 2 < m) {
                idiom = Idioms.match(from0, w[i + 1], w[i + 2]);
                if (idiom != null) {
                    v = idiom;
                }
            }
        }
        for (String[] dampener : TWO_WORD_DAMPENERS) {
            // VADER adds the dampener's value without regard to the sign: "kind of bad" reads a little worse
            if ((dampener[0].equals(w3) && dampener[1].equals(w2)) || (dampener[0].equals(w2) && dampener[1].equals(w1))) {
                v -= B_INCR;
            }
        }
        return v;
    }

    /** Intent cues found in the tokens. */
    public Set<IntentCue> cues(List<Token> tokens) {
        EnumSet<IntentCue> cues = EnumSet.noneOf(IntentCue.class);
        Cues.INTENT.match(tokens, (cue, a, b) -> cues.add(cue));
        return cues;
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }

    private Float emojiValence(String emoji) {
        Float v = lexicon.emoji.get(emoji);
        if (v == null && emoji.length() > 2) {
            v = lexicon.emoji.get(emoji.substring(0, Character.charCount(emoji.codePointAt(0))));
        }
        return v;
    }

    /** Exact word, then for Turkish the longest stem of at least four letters, for Persian common suffixes. */
    private static Float lookup(Map<String, Float> words, String f, boolean turkish, boolean persian, boolean[] negated) {
        Float v = words.get(f);
        if (v != null) {
            return v;
        }
        if (turkish && f.length() > 4) {
            for (int len = f.length() - 1; len >= 4; len--) {
                v = words.get(f.substring(0, len));
                if (v != null) {
                    negated[0] = isTurkishNegativeSuffix(f, len);
                    return v;
                }
            }
            return null;
        }
        if (persian) {
            int zwnj = f.indexOf('\u200C');
            if (zwnj > 1) {
                v = words.get(f.substring(0, zwnj));
                if (v != null) {
                    return v;
                }
                v = words.get(f.replace("\u200C", ""));
                if (v != null) {
                    return v;
                }
            }
            for (String suffix : new String[] {"ترین", "های", "تر", "ها", "ه", "ی", "م", "ن", "ش", "ت"}) {
                if (f.length() > suffix.length() + 1 && f.endsWith(suffix)) {
                    v = words.get(f.substring(0, f.length() - suffix.length()));
                    if (v != null) {
                        return v;
                    }
                }
            }
            if (f.length() > 3 && f.charAt(0) == 'ن') {
                String rest = f.startsWith("نمی") ? f.substring(3).replace("\u200C", "") : f.substring(1);
                v = words.get(rest);
                if (v != null) {
                    negated[0] = true;
                    return v;
                }
            }
            return null;
        }
        return null;
    }

    /** "beğen|medim", "sev|mez": a verb stem followed by the negative -ma/-me (not the infinitive -mak/-mek). */
    private static boolean isTurkishNegativeSuffix(String word, int stemLength) {
        String suffix = word.substring(stemLength);
        if (!(suffix.startsWith("ma") || suffix.startsWith("me"))) {
            return false;
        }
        if (suffix.startsWith("mak") || suffix.startsWith("mek") || suffix.startsWith("malı") || suffix.startsWith("meli")) {
            return false;
        }
        return suffix.length() == 2 || "dzynsklm".indexOf(suffix.charAt(2)) >= 0;
    }

    private static boolean isNegator(String folded) {
        return NEGATORS_BEFORE.contains(folded) || (folded.contains("n't") && folded.length() > 3);
    }

    /** Turkish "iyi değil", Persian "خوب نیست": a negator in the two words after, in the same sentence. */
    private static boolean negatedAfter(List<Token> tokens, int i) {
        int seen = 0;
        for (int j = i + 1; j < tokens.size() && seen < 2; j++) {
            Token t = tokens.get(j);
            if (t.kind() != Token.Kind.WORD) {
                if (t.kind() == Token.Kind.PUNCTUATION) {
                    return false;
                }
                continue;
            }
            if (NEGATORS_AFTER.contains(t.folded())) {
                return true;
            }
            seen++;
        }
        return false;
    }

    /** Python's {@code str.isupper()}, as VADER uses it: some cased letter, and no lower-case one. */
    private static boolean isUpper(String text) {
        boolean cased = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            cased |= Character.isUpperCase(c);
        }
        return cased;
    }

    /** VADER's special-case idioms of two or three words, looked up by their first word without building strings. */
    private static final class Idioms {
        private final Map<String, List<Idiom>> byFirstWord;

        record Idiom(String[] words, float valence) {
        }

        Idioms(String[][] phrases, float[] valences) {
            Map<String, List<Idiom>> map = new java.util.HashMap<>();
            for (int k = 0; k < phrases.length; k++) {
                map.computeIfAbsent(phrases[k][0], x -> new java.util.ArrayList<>()).add(new Idiom(phrases[k], valences[k]));
            }
            byFirstWord = Map.copyOf(map);
        }

        /** The idioms whose first word is {@code first}, or null. */
        List<Idiom> startingWith(String first) {
            return byFirstWord.get(first);
        }

        /** Valence of the idiom among {@code candidates} that goes on with {@code second} (and {@code third}). */
        static Float match(List<Idiom> candidates, String second, String third) {
            if (candidates != null) {
                for (Idiom idiom : candidates) {
                    String[] w = idiom.words();
                    if (w.length == (third == null ? 2 : 3) && w[1].equals(second)
                        && (third == null || w[2].equals(third))) {
                        return idiom.valence();
                    }
                }
            }
            return null;
        }
    }

    private static boolean onlySentencePunctuation(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            switch (text.charAt(i)) {
                case '.', ',', '!', '?', ';', '…', '؟', '،', '؛' -> {
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && ASCII_PUNCTUATION.indexOf(c) >= 0;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '“' || c == '”' || c == '‘' || c == '’';
    }

    /** True when {@code s} is one character typed twice or more ("DDD", "333"). */
    private static boolean isOneCharRun(String s) {
        if (s.length() < 2) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) != s.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    /** True when some letter is typed three or more times in a row. */
    private static boolean hasLetterRun(String f) {
        char previous = 0;
        int run = 0;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            run = c == previous ? run + 1 : 1;
            previous = c;
            if (run == 3 && Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A stretched word ("goooood", "sooo") as the lexicon or the modifiers know it: runs of three or more letters
     * cut to two ("awww" to "aww", "goood" to "good"), else to one ("sooo" to "so", "yaaay" to "yay"); the word
     * as written when neither is known.
     */
    private static String unstretched(String f, Map<String, Float> words) {
        for (int keep = 2; keep >= 1; keep--) {
            StringBuilder b = new StringBuilder(f.length());
            for (int i = 0; i < f.length(); i++) {
                char c = f.charAt(i);
                int run = 1;
                while (i + run < f.length() && f.charAt(i + run) == c) {
                    run++;
                }
                int copies = run >= 3 && Character.isLetter(c) ? keep : run;
                for (int k = 0; k < copies; k++) {
                    b.append(c);
                }
                i += run - 1;
            }
            String candidate = b.toString();
            if (words.containsKey(candidate) || BOOSTERS.containsKey(candidate) || isNegator(candidate)) {
                return candidate;
            }
        }
        return f;
    }

    /** First letters of the words in {@link #BUT}: most words need no set lookup. */
    private static boolean mayBeBut(char first) {
        return first == 'b' || first == 'a' || first == 'f' || first == 'l' || first == 'و' || first == 'ا'
            || first == 'ل';
    }

    private static boolean isSpace(char c) {
        if (c < 0x80) {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The items of one text in order, as parallel arrays. */
    private static final class Items {
        String[] word;
        float[] valence;
        boolean[] known;
        boolean[] upper;
        int[] token;
        boolean[] negatedBySuffix;
        int[] sentence;
        /** "no" used as an answer ("No, ..."), which negates nothing. */
        boolean[] interjection;
        int size;
        int shouting;
        boolean angryEmoji;
        /** Index of the first "but" (VADER weighs around the first one), or -1. */
        int butIndex = -1;
        int upperCount;
        /** Indexes of the items with a valence: the only ones the rules can change. */
        int[] scored;
        int scoredCount;

        Items(int capacity) {
            word = new String[capacity];
            valence = new float[capacity];
            known = new boolean[capacity];
            upper = new boolean[capacity];
            token = new int[capacity];
            negatedBySuffix = new boolean[capacity];
            sentence = new int[capacity];
            interjection = new boolean[capacity];
            scored = new int[capacity];
        }

        private void grow(int c) {
            word = Arrays.copyOf(word, c);
            valence = Arrays.copyOf(valence, c);
            known = Arrays.copyOf(known, c);
            upper = Arrays.copyOf(upper, c);
            token = Arrays.copyOf(token, c);
            negatedBySuffix = Arrays.copyOf(negatedBySuffix, c);
            sentence = Arrays.copyOf(sentence, c);
            interjection = Arrays.copyOf(interjection, c);
            scored = Arrays.copyOf(scored, c);
        }

        void add(String w, float v, boolean inLexicon, boolean isUpper, int tokenIndex, boolean negated, int s) {
            if (size == word.length) {
                grow(size * 2);
            }
            word[size] = w;
            valence[size] = v;
            known[size] = inLexicon;
            upper[size] = isUpper;
            token[size] = tokenIndex;
            negatedBySuffix[size] = negated;
            sentence[size] = s;
            interjection[size] = false;
            if (isUpper) {
                upperCount++;
            }
            if (w.length() >= 3 && w.length() <= 5 && mayBeBut(w.charAt(0)) && BUT.contains(w)) {
                if (butIndex < 0) {
                    butIndex = size;
                }
            } else if (v != 0f) {
                scored[scoredCount++] = size;
            }
            size++;
        }
    }

    private static Map<String, Float> boosters() {
        Map<String, Float> m = new java.util.HashMap<>();
        for (String w : List.of("absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
            "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially", "exceptional",
            "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking",
            "fricking", "frickin", "frigging", "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly",
            "hella", "highly", "hugely", "incredible", "incredibly", "intensely", "major", "majorly", "more", "most",
            "particularly", "purely", "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total",
            "totally", "tremendous", "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very",
            "çok", "aşırı", "gerçekten", "son derece", "fazlasıyla", "tamamen", "resmen", "cidden", "epey",
            "خیلی", "بسیار", "واقعا", "واقعاً", "کاملا", "کاملاً", "شدیدا", "شدیداً", "فوق", "اصلا")) {
            m.put(SecretCues.fold(w), B_INCR);
        }
        for (String w : List.of("almost", "barely", "hardly", "kinda", "kindof", "kind-of", "less", "little",
            "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight", "slightly",
            "somewhat", "sorta", "sortof", "sort-of", "biraz", "az", "kısmen", "کمی", "یکم", "نسبتا", "نسبتاً")) {
            m.put(SecretCues.fold(w), -B_INCR);
        }
        return Map.copyOf(m);
    }
}
