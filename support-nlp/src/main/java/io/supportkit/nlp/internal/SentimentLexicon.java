package io.supportkit.nlp.internal;

import io.supportkit.ConfigurationException;
import io.supportkit.nlp.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    final Set<String> abbreviations;

    private SentimentLexicon() {
        // VADER reads its lexicon into a dict: of a word listed twice ("lol", "ok", "d:"), the last rating counts.
        // AFINN first, so VADER's rating wins where both list a word: AFINN only widens the coverage (705 words;
        // on the movie-review snippets and XED en it adds 0.018 and 0.012 accuracy, on the tweets -0.002).
        Map<String, Float> en = read("en-afinn.tsv", 0.8f, false);
        // VADER's file is parsed once; the last rating of each word, the emoticon-block ratings and the
        // abbreviation run are all views of its listings in file order
        List<Map.Entry<String, Float>> vaderListings = listings("en.tsv", 1.0f);
        Map<String, Float> vader = new HashMap<>();
        Map<String, Float> firstOfTwice = new HashMap<>();
        for (Map.Entry<String, Float> l : vaderListings) {
            Float earlier = vader.put(l.getKey(), l.getValue());
            if (earlier != null) {
                firstOfTwice.putIfAbsent(l.getKey(), earlier);
            }
        }
        en.putAll(vader);
        en.putAll(read("en-support.tsv", 1.0f, true));
        english = en;
        abbreviations = Set.copyOf(firstAlphabeticRun(vaderListings));
        Map<String, Float> faces = new HashMap<>();
        firstOfTwice.forEach((k, first) -> {
            if (first * vader.get(k) < 0 && !hasTwoLetters(k)) {
                faces.put(k, first);
            }
        });
        capitalEmoticons = Map.copyOf(faces);
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
        Map<String, float[]> sums = new HashMap<>();
        for (Map.Entry<String, Float> l : listings(name, scale)) {
            float[] s = sums.computeIfAbsent(l.getKey(), k -> new float[2]);
            if (!average) {
                s[0] = 0;
                s[1] = 0;
            }
            s[0] += l.getValue();
            s[1]++;
        }
        Map<String, Float> result = new HashMap<>(sums.size() * 2);
        sums.forEach((k, s) -> result.put(k, s[0] / s[1]));
        return result;
    }

    /** The file's single-word listings in file order: folded word and valence times {@code scale}. */
    private static List<Map.Entry<String, Float>> listings(String name, float scale) {
        List<Map.Entry<String, Float>> result = new ArrayList<>();
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
                result.add(Map.entry(SecretCues.fold(word), v));
            }
        } catch (IOException e) {
            throw new ConfigurationException("sentiment lexicon unreadable: " + name, e);
        }
        return result;
    }

    /**
     * The alphabetic words of the listings' first run from "a" to "z": VADER lists its emoticons and abbreviations
     * first, then its words from "a" again, so the run ends at the first alphabetic word whose first letter comes
     * before that of the alphabetic word above it ("zzz", then "abandon").
     */
    private static List<String> firstAlphabeticRun(List<Map.Entry<String, Float>> listings) {
        List<String> result = new ArrayList<>();
        char previous = 0;
        for (Map.Entry<String, Float> l : listings) {
            String key = l.getKey();
            if (!key.chars().allMatch(Character::isLetter)) {
                continue;
            }
            if (key.charAt(0) < previous) {
                break;
            }
            previous = key.charAt(0);
            result.add(key);
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
