package io.supportkit.nlp.internal;

import io.supportkit.nlp.Language;
import io.supportkit.nlp.LanguageGuess;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Scores candidate languages for one text with {@link NgramLanguageModel}: script first, then n-grams.
 * Immutable after construction; per-call buffers are local, so it is thread-safe.
 */
public final class LanguageScorer {

    /** Scale of the softmax over average per-n-gram log-probabilities (chosen a priori, not fitted). */
    private static final double SHARPNESS = 6.0;
    private static final int MAX_LETTERS = 1_000;
    private static final int PRUNE_GAP = 100;
    private static final int STOP_GAP = 40;
    /** Scores are kept in steps of 1/8 nat (the model's quantisation), exactly, as integers. */
    private static final int STEPS_PER_NAT = 8;
    private static final int MIN_LETTERS_BEFORE_STOP = 40;

    private enum Script { LATIN, CYRILLIC, ARABIC, DEVANAGARI, GREEK, HEBREW, ARMENIAN, GEORGIAN, BENGALI, GUJARATI,
        GURMUKHI, TAMIL, TELUGU, THAI, HANGUL, KANA, HAN, OTHER }

    private static final Map<Language, Script> SCRIPT_OF = new EnumMap<>(Language.class);
    /** Per script: whether its words are separated by spaces (not so Han, kana and Thai). */
    private static final boolean[] SPACED = new boolean[Script.values().length];

    static {
        for (Language l : Language.values()) {
            SCRIPT_OF.put(l, Script.LATIN);
        }
        for (Language l : new Language[] {Language.BELARUSIAN, Language.BULGARIAN, Language.KAZAKH,
            Language.MACEDONIAN, Language.MONGOLIAN, Language.RUSSIAN, Language.SERBIAN, Language.UKRAINIAN}) {
            SCRIPT_OF.put(l, Script.CYRILLIC);
        }
        SCRIPT_OF.put(Language.ARABIC, Script.ARABIC);
        SCRIPT_OF.put(Language.PERSIAN, Script.ARABIC);
        SCRIPT_OF.put(Language.URDU, Script.ARABIC);
        SCRIPT_OF.put(Language.HINDI, Script.DEVANAGARI);
        SCRIPT_OF.put(Language.MARATHI, Script.DEVANAGARI);
        SCRIPT_OF.put(Language.GREEK, Script.GREEK);
        SCRIPT_OF.put(Language.HEBREW, Script.HEBREW);
        SCRIPT_OF.put(Language.ARMENIAN, Script.ARMENIAN);
        SCRIPT_OF.put(Language.GEORGIAN, Script.GEORGIAN);
        SCRIPT_OF.put(Language.BENGALI, Script.BENGALI);
        SCRIPT_OF.put(Language.GUJARATI, Script.GUJARATI);
        SCRIPT_OF.put(Language.PUNJABI, Script.GURMUKHI);
        SCRIPT_OF.put(Language.TAMIL, Script.TAMIL);
        SCRIPT_OF.put(Language.TELUGU, Script.TELUGU);
        SCRIPT_OF.put(Language.THAI, Script.THAI);
        SCRIPT_OF.put(Language.KOREAN, Script.HANGUL);
        SCRIPT_OF.put(Language.JAPANESE, Script.KANA);
        SCRIPT_OF.put(Language.CHINESE, Script.HAN);
        SCRIPT_OF.put(Language.UNKNOWN, Script.OTHER);
        for (Script s : Script.values()) {
            SPACED[s.ordinal()] = s != Script.HAN && s != Script.KANA && s != Script.THAI;
        }
    }

    private final NgramLanguageModel model;
    private final boolean[][] candidatesByScript;
    private final int[][] candidateListByScript;
    private final Set<Language> allowed;

    public LanguageScorer(Set<Language> allowed) {
        this.model = NgramLanguageModel.get();
        this.allowed = Set.copyOf(allowed);
        int count = model.languageCount();
        Script[] scripts = Script.values();
        candidatesByScript = new boolean[scripts.length][count];
        candidateListByScript = new int[scripts.length][];
        for (Script s : scripts) {
            int[] list = new int[count];
            int size = 0;
            for (int l = 0; l < count; l++) {
                Language language = model.language(l);
                if (allowed.contains(language) && SCRIPT_OF.get(language) == s) {
                    candidatesByScript[s.ordinal()][l] = true;
                    list[size++] = l;
                }
            }
            candidateListByScript[s.ordinal()] = Arrays.copyOf(list, size);
        }
    }

    public LanguageGuess detect(CharSequence text) {
        int n = text.length();
        char[] letters = new char[Math.min(n, MAX_LETTERS) * 2 + 1]; // a break at most after every letter
        int[] scriptCounts = new int[Script.values().length];
        int[] wordCounts = new int[Script.values().length];
        int letterCount = 0;
        int size = 0;
        boolean kana = false;
        Script previous = null; // script of the last letter when it ends letters[], else null
        // The word being read in a script written with spaces: the script of its first letter, how many of its
        // letters are of that script, and how many (and the last script) of the others, such as a Cyrillic
        // homoglyph in a Latin word.
        Script wordScript = null;
        int wordMain = 0;
        int wordOther = 0;
        Script otherScript = null;
        // Lower-case letters of the first MAX_LETTERS letters; anything else, and a change of script inside a run of
        // letters, becomes a word break (' ') for scoring.
        for (int i = 0; i < n && letterCount < MAX_LETTERS; i++) {
            char c = text.charAt(i);
            if (c == '\u0640') {
                continue; // tatweel, a letter (Lm) that only stretches its word: invisible for identification
            }
            if (Character.isLetter(c)) {
                Script s = script(c);
                if (s == Script.OTHER && previous != null && isScriptNeutral(c)) {
                    s = previous; // a modifier letter such as the apostrophe ʼ belongs to the word it is in
                }
                if (s != previous && previous != null) {
                    letters[size++] = ' ';
                }
                if (!SPACED[s.ordinal()]) {
                    // Han, kana, Thai: no spaces between words; every letter counts as one
                    countWord(wordCounts, wordScript, wordMain, otherScript, wordOther);
                    wordScript = null;
                    wordCounts[s.ordinal()]++;
                } else if (wordScript == null) {
                    wordScript = s;
                    wordMain = 1;
                    wordOther = 0;
                } else if (s == wordScript) {
                    wordMain++;
                } else {
                    wordOther++;
                    otherScript = s;
                }
                previous = s;
                scriptCounts[s.ordinal()]++;
                kana |= s == Script.KANA;
                letters[size++] = c == 'İ' ? 'i' : Character.toLowerCase(c);
                letterCount++;
            } else if ((c >= '\u064B' && c <= '\u065F') || c == '\u200E' || c == '\u200F') {
                continue; // harakat, bidi marks: invisible for identification
            } else {
                // anything else, surrogates included, ends the word
                if (size > 0 && letters[size - 1] != ' ') {
                    letters[size++] = ' ';
                }
                previous = null;
                countWord(wordCounts, wordScript, wordMain, otherScript, wordOther);
                wordScript = null;
            }
        }
        countWord(wordCounts, wordScript, wordMain, otherScript, wordOther);
        if (letterCount == 0) {
            return LanguageGuess.NONE;
        }
        // The script with the most words decides, not the one with the most letters: abjads (Arabic, Persian, Urdu,
        // Hebrew) leave short vowels unwritten, so their words have fewer letters than Latin ones. On a tie a script
        // other than Latin wins, as Latin is the script of the names, brands, codes and pasted English that texts in
        // other scripts embed; then the script with more letters.
        Script dominant = null;
        int scripts = 0;
        for (Script s : Script.values()) {
            int o = s.ordinal();
            if (scriptCounts[o] == 0) {
                continue;
            }
            scripts++;
            if (dominant == null || wordCounts[o] > wordCounts[dominant.ordinal()]
                || wordCounts[o] == wordCounts[dominant.ordinal()] && breaksTie(s, dominant, scriptCounts)) {
                dominant = s;
            }
        }
        if (dominant == Script.HAN && kana) {
            dominant = Script.KANA;
        }
        int[] list = candidateListByScript[dominant.ordinal()];
        if (list.length == 0) {
            if (dominant == Script.KANA && allowed.contains(Language.JAPANESE)) {
                return new LanguageGuess(Language.JAPANESE, 1.0, Language.UNKNOWN, letterCount);
            }
            return new LanguageGuess(Language.UNKNOWN, 0.0, Language.UNKNOWN, letterCount);
        }
        if (list.length == 1) {
            return new LanguageGuess(model.language(list[0]), 1.0, Language.UNKNOWN, letterCount);
        }
        boolean[] candidates = candidatesByScript[dominant.ordinal()];
        if (scripts > 1) {
            // The candidates' n-grams say nothing about words of another script, which would add only the
            // candidates' differing floors: score the words of the deciding script alone.
            size = keepScript(letters, size, dominant);
        }
        Scores scores = score(letters, size, candidates, list);
        if (dominant == Script.LATIN && hasTurkishMojibake(letters, size)) {
            // Turkish (Windows-1254) text decoded as Windows-1252 shows ı ş ğ as ý þ ð; legacy e-mail and SMS
            // gateways still produce it. Score the repaired letters too and keep whichever fits better.
            char[] repaired = Arrays.copyOf(letters, size);
            for (int i = 0; i < size; i++) {
                repaired[i] = switch (repaired[i]) {
                    case 'ý' -> 'ı';
                    case 'þ' -> 'ş';
                    case 'ð' -> 'ğ';
                    default -> repaired[i];
                };
            }
            Scores alternative = score(repaired, size, candidates, list);
            if (alternative.average() > scores.average()) {
                scores = alternative;
            }
        }
        return new LanguageGuess(model.language(scores.first()), scores.confidence(), model.language(scores.second()),
            letterCount);
    }

    private record Scores(int first, int second, double average, double confidence) {
    }

    private Scores score(char[] letters, int size, boolean[] allowed, int[] list) {
        int[] totals = new int[model.languageCount()]; // log-probability in steps of 1/8 nat
        boolean[] candidates = allowed.clone();
        int[] active = list.clone();
        int activeCount = active.length;
        int[] gaps = new int[model.languageCount()];
        long[] scratch = NgramLanguageModel.newScratch();
        int terms = 0;
        int start = 0;
        for (int i = 0; i <= size; i++) {
            if (i == size || letters[i] == ' ') {
                if (i > start) {
                    terms += model.score(letters, start, i, active, activeCount, totals, scratch);
                    activeCount = prune(totals, candidates, active, activeCount, gaps);
                    if (i >= MIN_LETTERS_BEFORE_STOP && decided(totals, active, activeCount)) {
                        break; // the rest of a long message would not change the answer
                    }
                }
                start = i + 1;
            }
        }
        int leader = Integer.MIN_VALUE;
        for (int c = 0; c < activeCount; c++) {
            leader = Math.max(leader, totals[active[c]]);
        }
        for (int l : list) {
            if (!candidates[l]) {
                totals[l] = leader - gaps[l]; // a dropped candidate keeps the gap it had when it was dropped
            }
        }
        int first = list[0];
        int second = list[1];
        for (int l : list) {
            if (totals[l] > totals[first]) {
                second = first;
                first = l;
            } else if (l != first && (totals[l] > totals[second] || second == first)) {
                second = l;
            }
        }
        double sum = 0;
        int top = totals[first];
        double n = Math.max(1, terms) * STEPS_PER_NAT;
        for (int l : list) {
            sum += Math.exp((totals[l] - top) / n * SHARPNESS);
        }
        return new Scores(first, second, top / n, 1.0 / sum);
    }

    /**
     * Drops candidates more than {@value #PRUNE_GAP} nats behind the leader: they cannot catch up in practice,
     * and long messages then cost little more than short ones. A dropped candidate is scored at the end as
     * trailing the leader by the gap it had when dropped (in truth it would trail by more), which keeps the
     * confidence conservative. At least two candidates stay for the runner-up.
     */
    private static int prune(int[] totals, boolean[] candidates, int[] active, int count, int[] gaps) {
        if (count <= 2) {
            return count;
        }
        int top = Integer.MIN_VALUE;
        for (int c = 0; c < count; c++) {
            top = Math.max(top, totals[active[c]]);
        }
        int kept = 0;
        for (int c = 0; c < count; c++) {
            int l = active[c];
            if (totals[l] >= top - PRUNE_GAP * STEPS_PER_NAT || count - (c - kept) <= 2) {
                active[kept++] = l;
            } else {
                candidates[l] = false;
                gaps[l] = top - totals[l];
            }
        }
        return kept;
    }

    /** True when the leader is {@value #STOP_GAP} nats ahead of every other active candidate. */
    private static boolean decided(int[] totals, int[] active, int count) {
        int first = Integer.MIN_VALUE;
        int second = Integer.MIN_VALUE;
        for (int c = 0; c < count; c++) {
            int t = totals[active[c]];
            if (t > first) {
                second = first;
                first = t;
            } else if (t > second) {
                second = t;
            }
        }
        return (long) first - second >= STOP_GAP * STEPS_PER_NAT;
    }

    /**
     * Blanks the words of {@code letters[0, size)} (letters between breaks, one script each) whose script is not
     * {@code keep}, dropping repeated breaks; returns the new size.
     */
    private static int keepScript(char[] letters, int size, Script keep) {
        int out = 0;
        int start = 0;
        for (int i = 0; i <= size; i++) {
            if (i == size || letters[i] == ' ') {
                if (i > start && script(letters[start]) == keep) {
                    if (out > 0) {
                        letters[out++] = ' ';
                    }
                    System.arraycopy(letters, start, letters, out, i - start);
                    out += i - start;
                }
                start = i + 1;
            }
        }
        return out;
    }

    private static boolean hasTurkishMojibake(char[] letters, int size) {
        for (int i = 0; i < size; i++) {
            char c = letters[i];
            if (c == 'ý' || c == 'þ' || c == 'ð') {
                return true;
            }
        }
        return false;
    }

    /**
     * Counts a word of a script written with spaces (none if {@code main} is null) for the script of most of its
     * letters; on a tie, as between words, for the script that is not Latin.
     */
    private static void countWord(int[] wordCounts, Script main, int mainLetters, Script other, int otherLetters) {
        if (main != null) {
            boolean toOther = otherLetters > mainLetters || otherLetters == mainLetters && main == Script.LATIN;
            wordCounts[(toOther ? other : main).ordinal()]++;
        }
    }

    /** Whether script {@code s} beats {@code other} when both have as many words (see {@link #detect}). */
    private static boolean breaksTie(Script s, Script other, int[] letterCounts) {
        if ((s == Script.LATIN) != (other == Script.LATIN)) {
            return other == Script.LATIN;
        }
        return letterCounts[s.ordinal()] > letterCounts[other.ordinal()];
    }

    private static boolean isScriptNeutral(char c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.COMMON || s == Character.UnicodeScript.INHERITED;
    }

    private static Script script(char c) {
        if (c < 0x250) {
            return Script.LATIN;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return switch (s) {
            case LATIN -> Script.LATIN;
            case CYRILLIC -> Script.CYRILLIC;
            case ARABIC -> Script.ARABIC;
            case DEVANAGARI -> Script.DEVANAGARI;
            case GREEK -> Script.GREEK;
            case HEBREW -> Script.HEBREW;
            case ARMENIAN -> Script.ARMENIAN;
            case GEORGIAN -> Script.GEORGIAN;
            case BENGALI -> Script.BENGALI;
            case GUJARATI -> Script.GUJARATI;
            case GURMUKHI -> Script.GURMUKHI;
            case TAMIL -> Script.TAMIL;
            case TELUGU -> Script.TELUGU;
            case THAI -> Script.THAI;
            case HANGUL -> Script.HANGUL;
            case HIRAGANA, KATAKANA -> Script.KANA;
            case HAN -> Script.HAN;
            default -> Script.OTHER;
        };
    }
}
