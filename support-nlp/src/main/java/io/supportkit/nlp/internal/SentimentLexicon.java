package io.supportkit.nlp.internal;

import io.supportkit.ConfigurationException;
import io.supportkit.nlp.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Word valences (-4..+4) for English (VADER, MIT; AFINN-en-165, Apache-2.0, scaled by 0.8, for words VADER lacks),
 * Turkish (AFINN-tr-165, Apache-2.0, scaled by 0.8, plus our
 * additions) and Persian (ours), and emoji valences derived from VADER's emoji descriptions. Loaded once;
 * immutable and thread-safe.
 */
final class SentimentLexicon {

    private static final class Holder {
        static final SentimentLexicon INSTANCE = new SentimentLexicon();
    }

    final Map<String, Float> english;
    final Map<String, Float> turkish;
    final Map<String, Float> persian;
    final Map<String, Float> emoji;
    /**
     * Emoticons VADER lists twice with opposite signs, once among the emoticons and once among the words ("d:"
     * -2.9 and 1.2, "d=" -3.0 and 1.5), with the emoticon-block rating. VADER folds case and keeps the last
     * listing; the emoticon block rates the capital-D faces of dismay (its neighbours are "d8", "d;", "dx", all
     * negative, all ten raters of "d:" negative), so an emoticon typed with a capital ("D:") takes this rating.
     */
    final Map<String, Float> capitalEmoticons;
    /**
     * VADER's abbreviations ("lol", "omg", "wtf", "ftw", "ok"): the alphabetic entries of the first of the two sorted
     * runs of its lexicon, emoticons and abbreviations, before the words start again at "a".
     */
    final java.util.Set<String> abbreviations;

    private SentimentLexicon() {
        // VADER reads its lexicon into a dict: of a word listed twice ("lol", "ok", "d:"), the last rating counts.
        // AFINN first, so VADER's rating wins where both list a word: AFINN only widens the coverage (705 words;
        // on the movie-review snippets and XED en it adds 0.018 and 0.012 accuracy, on the tweets -0.002).
        Map<String, Float> en = read("en-afinn.tsv", 0.8f, false);
        Map<String, Float> vader = read("en.tsv", 1.0f, false);
        en.putAll(vader);
        en.putAll(read("en-support.tsv", 1.0f, true));
        english = en;
        abbreviations = java.util.Set.copyOf(firstRunWords("en.tsv"));
        capitalEmoticons = new HashMap<>();
        Map<String, Float> first = read("en.tsv", 1.0f, false, true);
        first.forEach((k, v) -> {
            float last = vader.get(k);
            if (v * last < 0 && !hasTwoLetters(k)) {
                capitalEmoticons.put(k, v);
            }
        });
        Map<String, Float> tr = read("tr-afinn.tsv", 0.8f, true);
        tr.putAll(read("tr-supplement.tsv", 1.0f, true));
        turkish = tr;
        persian = read("fa.tsv", 1.0f, true);
        emoji = new HashMap<>();
        for (Map.Entry<String, String> e : readDescriptions("emoji.tsv").entrySet()) {
            float sum = 0;
            for (String word : e.getValue().split("[ \\-]")) {
                Float v = english.get(word);
                if (v != null) {
                    sum += v;
                }
            }
            if (sum != 0) {
                emoji.put(e.getKey(), Math.max(-4f, Math.min(4f, sum)));
            }
        }
        // Emoji common in support chat whose descriptions hold no lexicon word ("pouting face"): our values.
        String[][] overrides = {{"😡", "-2.8"}, {"🤬", "-3.2"}, {"😠", "-2.5"}, {"😤", "-1.8"}, {"👿", "-2.5"},
            {"👎", "-2.0"}, {"💩", "-2.2"}, {"🙄", "-1.3"}, {"😒", "-1.5"}, {"😞", "-2.0"}, {"😢", "-2.0"},
            {"😭", "-2.2"}, {"😩", "-2.0"}, {"😫", "-2.0"}, {"🤦", "-1.5"}, {"👍", "1.8"}, {"🙏", "1.2"},
            {"😍", "3.0"}, {"❤️", "2.6"}, {"❤", "2.6"}, {"😊", "2.2"}, {"🥰", "3.0"}, {"👌", "1.5"}, {"💯", "1.8"}};
        for (String[] o : overrides) {
            emoji.put(o[0], Float.parseFloat(o[1]));
        }
    }

    static SentimentLexicon get() {
        return Holder.INSTANCE;
    }

    Map<String, Float> forLanguage(Language language) {
        return switch (language) {
            case TURKISH, AZERBAIJANI -> turkish;
            case PERSIAN, URDU, ARABIC -> persian;
            default -> english;
        };
    }

    /** Word valences times {@code scale}; a word listed twice gets the mean when {@code average}, else the last. */
    private static Map<String, Float> read(String name, float scale, boolean average) {
        return read(name, scale, average, false);
    }

    /** With {@code firstOfTwice}, only the words listed more than once, each with its first rating. */
    private static Map<String, Float> read(String name, float scale, boolean average, boolean firstOfTwice) {
        Map<String, float[]> sums = new HashMap<>();
        Map<String, Float> firsts = new HashMap<>();
        try (BufferedReader r = open(name)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("# ")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    continue;
                }
                String word = line.substring(0, tab);
                if (word.indexOf(' ') >= 0) {
                    continue; // multi-word entries of the translated AFINN list: single words carry the signal
                }
                int end = line.indexOf('\t', tab + 1);
                float v = Float.parseFloat(line.substring(tab + 1, end < 0 ? line.length() : end)) * scale;
                String key = SecretCues.fold(word);
                if (firstOfTwice) {
                    if (sums.containsKey(key)) {
                        firsts.putIfAbsent(key, sums.get(key)[0]);
                        continue;
                    }
                }
                float[] s = sums.computeIfAbsent(key, k -> new float[2]);
                if (!average) {
                    s[0] = 0;
                    s[1] = 0;
                }
                s[0] += v;
                s[1]++;
            }
        } catch (IOException e) {
            throw new ConfigurationException("sentiment lexicon unreadable: " + name, e);
        }
        if (firstOfTwice) {
            return firsts;
        }
        Map<String, Float> result = new HashMap<>(sums.size() * 2);
        sums.forEach((k, s) -> result.put(k, s[0] / s[1]));
        return result;
    }

    /**
     * The alphabetic keys of the lexicon file's first run from "a" to "z": VADER lists its emoticons and abbreviations
     * first, then its words from "a" again, so the run ends at the first alphabetic key whose first letter comes
     * before that of the alphabetic key above it ("zzz", then "abandon").
     */
    private static java.util.List<String> firstRunWords(String name) {
        java.util.List<String> result = new java.util.ArrayList<>();
        try (BufferedReader r = open(name)) {
            char previous = 0;
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (line.startsWith("# ") || tab <= 0) {
                    continue;
                }
                String key = SecretCues.fold(line.substring(0, tab));
                if (!key.chars().allMatch(Character::isLetter)) {
                    continue;
                }
                if (key.charAt(0) < previous) {
                    break;
                }
                previous = key.charAt(0);
                result.add(key);
            }
        } catch (IOException e) {
            throw new ConfigurationException("sentiment lexicon unreadable: " + name, e);
        }
        return result;
    }

    /** True when {@code s} holds two letters in a row: a word or an acronym ("lol"), not an emoticon ("d:"). */
    static boolean hasTwoLetters(String s) {
        for (int i = 1; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i - 1)) && Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> readDescriptions(String name) {
        Map<String, String> result = new HashMap<>();
        try (BufferedReader r = open(name)) {
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (tab > 0 && !line.startsWith("# ")) {
                    result.put(line.substring(0, tab), line.substring(tab + 1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException("emoji lexicon unreadable: " + name, e);
        }
        return result;
    }

    private static BufferedReader open(String name) {
        InputStream in = SentimentLexicon.class.getResourceAsStream("sentiment/" + name);
        if (in == null) {
            throw new ConfigurationException("sentiment lexicon missing: " + name);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
