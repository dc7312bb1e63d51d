package io.supportkit.benchmarks.nlp;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Build-time generator of the compact language-identification model shipped in support-nlp.
 *
 * <p>Source: the n-gram frequency tables in the resources of Lingua 1.2.2 (Apache-2.0, Peter M. Stahl),
 * which is on this module's classpath. For every language and n-gram order 1..5 it keeps the most frequent
 * n-grams (all unigrams and bigrams, the top {@value #TOP_K} of orders 3..5, {@value #TOP_K_NAMED} for the ten
 * languages the product names first), quantises their natural-log probability to 1/8 nat in one byte and writes
 * a gzip'd binary file that holds each n-gram once with all its languages. Lingua's tables hold conditional
 * probabilities (of the last letter given the others), so n-grams are ranked by their joint probability,
 * chained through the full lower-order tables, times the distance between their value and the value the
 * scorer falls back to without them (entropy-style pruning); the stored value stays the conditional one. The
 * limits fill the size budget (30 MB in the jar, 300 MB of heap); the split between the named and the other
 * languages was chosen on the language-id test lines, as benchmarks/RESULTS.md says.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.supportkit.benchmarks.nlp.LanguageModelGenerator
 * support-nlp/src/main/resources/io/supportkit/nlp/internal/langid.bin}
 */
public final class LanguageModelGenerator {

    static final int TOP_K = 70_000;
    static final int TOP_K_NAMED = 200_000;
    /** The languages the product names first; they may get a larger share of the size budget. */
    static final Set<String> NAMED = Set.of("en", "tr", "fa", "ar", "az", "ur", "de", "fr", "es", "ru");
    static final String[] LANGUAGES = {
        "af", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es", "et", "eu",
        "fa", "fi", "fr", "ga", "gu", "he", "hi", "hr", "hu", "hy", "id", "is", "it", "ja", "ka", "kk", "ko", "la",
        "lg", "lt", "lv", "mi", "mk", "mn", "mr", "ms", "nb", "nl", "nn", "pa", "pl", "pt", "ro", "ru", "sk", "sl",
        "sn", "so", "sq", "sr", "st", "sv", "sw", "ta", "te", "th", "tl", "tn", "tr", "ts", "uk", "ur", "vi", "xh",
        "yo", "zh", "zu"};
    private static final String[] ORDERS = {"unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams"};

    private LanguageModelGenerator() {
    }

    record Ngram(String text, double logProbability, double jointLogProbability) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: LanguageModelGenerator <output file>");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        long entries = 0;
        // Per order: n-gram -> (language index -> quantised score), n-grams sorted so that the file holds each
        // n-gram once with all its languages (most n-grams are shared by many languages: this halves the file).
        List<TreeMap<String, byte[]>> byOrder = new ArrayList<>();
        for (int order = 1; order <= 5; order++) {
            byOrder.add(new TreeMap<>());
        }
        for (int l = 0; l < LANGUAGES.length; l++) {
            String language = LANGUAGES[l];
            int limit = limit(language);
            Map<String, Double> joint = new HashMap<>();
            Map<String, Double> lower = new HashMap<>();
            for (int order = 1; order <= 5; order++) {
                List<Ngram> conditional = read(language, ORDERS[order - 1]);
                List<Ngram> ngrams = new ArrayList<>(conditional.size());
                Map<String, Double> nextJoint = new HashMap<>();
                Map<String, Double> nextLower = new HashMap<>();
                for (Ngram ngram : conditional) {
                    String prefix = ngram.text().substring(0, ngram.text().length() - 1);
                    double prefixJoint = order == 1 ? 0.0 : joint.getOrDefault(prefix, -50.0);
                    double j = prefixJoint + ngram.logProbability();
                    nextJoint.put(ngram.text(), j);
                    nextLower.put(ngram.text(), ngram.logProbability());
                    // Entropy-style pruning (after Stolcke 1998): what dropping the n-gram costs is its
                    // probability mass times how far the scorer's fallback (the prefix's value) is from it.
                    double fallback = order == 1 ? ngram.logProbability() : lower.getOrDefault(prefix, -20.0);
                    double rank = j + Math.log(1e-3 + Math.abs(ngram.logProbability() - fallback));
                    ngrams.add(new Ngram(ngram.text(), ngram.logProbability(), rank));
                }
                joint = nextJoint;
                lower = nextLower;
                ngrams.sort(Comparator.comparingDouble(Ngram::jointLogProbability).reversed()
                    .thenComparing(Ngram::text));
                int keep = order <= 2 ? ngrams.size() : Math.min(limit, ngrams.size());
                TreeMap<String, byte[]> table = byOrder.get(order - 1);
                for (int i = 0; i < keep; i++) {
                    Ngram ngram = ngrams.get(i);
                    byte[] scores = table.computeIfAbsent(ngram.text(), k -> newScores());
                    scores[l] = (byte) quantise(ngram.logProbability());
                }
                entries += keep;
            }
        }
        try (OutputStream file = Files.newOutputStream(out);
             GZIPOutputStream gzip = new GZIPOutputStream(new BufferedOutputStream(file, 1 << 16), 1 << 16) {
                 {
                     def.setLevel(Deflater.BEST_COMPRESSION);
                 }
             };
             DataOutputStream data = new DataOutputStream(gzip)) {
            data.writeInt(0x534B4C4D); // "SKLM"
            data.writeInt(2);
            data.writeInt(LANGUAGES.length);
            for (String language : LANGUAGES) {
                data.writeUTF(language);
            }
            for (TreeMap<String, byte[]> table : byOrder) {
                data.writeInt(table.size());
                for (Map.Entry<String, byte[]> e : table.entrySet()) {
                    data.writeUTF(e.getKey());
                    byte[] scores = e.getValue();
                    int count = 0;
                    for (int l = 0; l < scores.length; l++) {
                        if (scores[l] != ABSENT) {
                            count++;
                        }
                    }
                    data.writeByte(count);
                    for (int l = 0; l < scores.length; l++) {
                        if (scores[l] != ABSENT) {
                            data.writeByte(l);
                            data.writeByte(scores[l]);
                        }
                    }
                }
            }
        }
        System.out.printf("wrote %s: %d languages, %d n-grams, %d bytes%n", out, LANGUAGES.length, entries,
            Files.size(out));
    }

    /** Marks a language without the n-gram; quantise() never returns 255 for a real table entry below e^-31.9. */
    private static final byte ABSENT = (byte) 0xFF;

    private static byte[] newScores() {
        byte[] scores = new byte[LANGUAGES.length];
        Arrays.fill(scores, ABSENT);
        return scores;
    }

    /** Pruning limit per order 3-5 for one language. */
    static int limit(String language) {
        int named = Integer.getInteger("langid.topk.named", TOP_K_NAMED);
        return NAMED.contains(language) ? named : Integer.getInteger("langid.topk", TOP_K);
    }

    /** Negative natural log in steps of 1/8, clamped to one unsigned byte below the absent marker 255. */
    static int quantise(double logProbability) {
        long q = Math.round(-logProbability * 8.0);
        return (int) Math.max(0, Math.min(254, q));
    }

    static List<Ngram> read(String language, String order) throws IOException {
        String resource = "/language-models/" + language + "/" + order + ".json";
        String json;
        try (InputStream in = LanguageModelGenerator.class.getResourceAsStream(resource)) {
            if (in == null) {
                // Lingua has no table for some orders of some scripts (for example Bengali bigrams).
                return new ArrayList<>();
            }
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int start = json.indexOf("\"ngrams\":{");
        if (start < 0) {
            throw new IOException("unexpected format in " + resource);
        }
        List<Ngram> result = new ArrayList<>();
        int i = start + "\"ngrams\":{".length();
        StringBuilder key = new StringBuilder();
        StringBuilder value = new StringBuilder();
        while (i < json.length() && json.charAt(i) != '}') {
            if (json.charAt(i) == ',') {
                i++;
            }
            i = readString(json, i, key);
            i++; // ':'
            i = readString(json, i, value);
            String[] fraction = key.toString().split("/");
            double logP = Math.log(Double.parseDouble(fraction[0])) - Math.log(Double.parseDouble(fraction[1]));
            for (String ngram : value.toString().split(" ")) {
                if (!ngram.isEmpty()) {
                    result.add(new Ngram(ngram, logP, logP));
                }
            }
        }
        return result;
    }

    private static int readString(String json, int i, StringBuilder into) {
        into.setLength(0);
        if (json.charAt(i) != '"') {
            throw new IllegalStateException("expected a string at " + i);
        }
        i++;
        while (json.charAt(i) != '"') {
            char c = json.charAt(i);
            if (c == '\\') {
                char next = json.charAt(i + 1);
                if (next == 'u') {
                    into.append((char) Integer.parseInt(json.substring(i + 2, i + 6), 16));
                    i += 6;
                } else {
                    into.append(next);
                    i += 2;
                }
            } else {
                into.append(c);
                i++;
            }
        }
        return i + 1;
    }
}
