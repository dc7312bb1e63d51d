package io.supportkit.nlp.internal.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Accuracy of language detectors on the {@code langid/} layout of the shared data ({@code single-words/},
 * {@code word-pairs/}, {@code sentences/}, one {@code <iso>.txt} per language, one line per sample): per language
 * and line length, with the confusion between close languages reported separately. Several detectors run on the
 * same lines in one run.
 */
public final class LanguageIdEvaluation {

    /** Line-length groups, in report order. */
    public static final List<String> LENGTHS = List.of("single-words", "word-pairs", "sentences");

    /** Close-language pairs whose confusion is reported: truth -> confusable. */
    public static final Map<String, List<String>> CLOSE = Map.of(
        "tr", List.of("az"), "az", List.of("tr"), "fa", List.of("ur", "ar"), "ur", List.of("fa", "ar"),
        "ar", List.of("fa", "ur"), "bs", List.of("hr", "sr"), "hr", List.of("bs", "sr"), "nb", List.of("nn", "da"),
        "nn", List.of("nb", "da"), "ms", List.of("id"));

    /** Counts of one detector. */
    public static final class Counts {
        /** lang -> length -> [correct, total]. */
        final Map<String, Map<String, int[]>> accuracy = new TreeMap<>();
        /** lang -> length -> predicted -> count. */
        final Map<String, Map<String, Map<String, Integer>>> confusion = new TreeMap<>();

        void add(String truth, String length, String predicted) {
            int[] c = accuracy.computeIfAbsent(truth, k -> new LinkedHashMap<>()).computeIfAbsent(length, k -> new int[2]);
            c[1]++;
            if (truth.equals(predicted)) {
                c[0]++;
            }
            confusion.computeIfAbsent(truth, k -> new LinkedHashMap<>()).computeIfAbsent(length, k -> new TreeMap<>())
                .merge(predicted, 1, Integer::sum);
        }

        /** Accuracy of {@code lang} at {@code length} in percent, NaN when not measured. */
        public double percent(String lang, String length) {
            int[] c = accuracy.getOrDefault(lang, Map.of()).get(length);
            return c == null || c[1] == 0 ? Double.NaN : 100.0 * c[0] / c[1];
        }

        /** Precision for {@code lang} at {@code length} in percent: lines given as lang that are lang. */
        public double precisionPercent(String lang, String length) {
            int predicted = 0;
            int correct = 0;
            for (var byTruth : confusion.entrySet()) {
                int n = byTruth.getValue().getOrDefault(length, Map.of()).getOrDefault(lang, 0);
                predicted += n;
                if (byTruth.getKey().equals(lang)) {
                    correct += n;
                }
            }
            return predicted == 0 ? Double.NaN : 100.0 * correct / predicted;
        }

        int confused(String truth, String length, String predicted) {
            return confusion.getOrDefault(truth, Map.of()).getOrDefault(length, Map.of()).getOrDefault(predicted, 0);
        }
    }

    private LanguageIdEvaluation() {
    }

    /** Languages present in every length folder of {@code root}. */
    public static List<String> languages(Path root) throws IOException {
        List<String> result = new ArrayList<>();
        try (var files = Files.list(root.resolve("sentences"))) {
            files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".txt"))
                .map(f -> f.substring(0, f.length() - 4)).sorted().forEach(result::add);
        }
        return result;
    }

    /**
     * Runs every detector (name -> text -> ISO code or "und") over the files of {@code languages}.
     */
    public static Map<String, Counts> run(Path root, List<String> languages, Map<String, Function<String, String>> detectors)
        throws IOException {
        Map<String, Counts> result = new LinkedHashMap<>();
        detectors.keySet().forEach(name -> result.put(name, new Counts()));
        for (String length : LENGTHS) {
            for (String lang : languages) {
                Path file = root.resolve(length).resolve(lang + ".txt");
                if (!Files.exists(file)) {
                    continue;
                }
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    for (var d : detectors.entrySet()) {
                        result.get(d.getKey()).add(lang, length, d.getValue().apply(line));
                    }
                }
            }
        }
        return result;
    }

    /** Prints the per-language table (one column group per detector), averages and close-language confusion. */
    public static void print(Map<String, Counts> results, List<String> languages, List<String> highlight,
                             PrintStream out) {
        List<String> names = new ArrayList<>(results.keySet());
        StringBuilder header = new StringBuilder("| lang |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String name : names) {
            header.append(' ').append(name).append(" words / pairs / sentences / avg |");
            rule.append("---|");
        }
        out.println(header);
        out.println(rule);
        List<String> order = new ArrayList<>(highlight);
        languages.stream().filter(l -> !highlight.contains(l)).forEach(order::add);
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (String lang : order) {
            if (!languages.contains(lang)) {
                continue;
            }
            StringBuilder row = new StringBuilder("| " + lang + " |");
            for (String name : names) {
                Counts c = results.get(name);
                double[] s = sums.computeIfAbsent(name, k -> new double[4]);
                double total = 0;
                row.append(' ');
                for (int k = 0; k < LENGTHS.size(); k++) {
                    double p = c.percent(lang, LENGTHS.get(k));
                    s[k] += Double.isNaN(p) ? 0 : p;
                    total += Double.isNaN(p) ? 0 : p;
                    // one decimal: 500 lines per file, so 99.8 (one line missed) must not print as 100
                    row.append(String.format(Locale.ROOT, "%.1f", p)).append(" / ");
                }
                s[3]++;
                row.append(String.format(Locale.ROOT, "%.1f |", total / LENGTHS.size()));
            }
            out.println(row);
        }
        StringBuilder mean = new StringBuilder("| **mean** |");
        for (String name : names) {
            double[] s = sums.get(name);
            double all = (s[0] + s[1] + s[2]) / (3 * s[3]);
            mean.append(String.format(Locale.ROOT, " %.1f / %.1f / %.1f / %.1f |", s[0] / s[3], s[1] / s[3], s[2] / s[3], all));
        }
        out.println(mean);
        out.println();
        out.println("Precision (lines given as the language that are that language; words / pairs / sentences):");
        out.println();
        out.println("| lang | " + String.join(" | ", names) + " |");
        out.println("|---|" + "---|".repeat(names.size()));
        for (String lang : highlight) {
            if (!languages.contains(lang)) {
                continue;
            }
            StringBuilder row = new StringBuilder("| " + lang + " |");
            for (String name : names) {
                Counts c = results.get(name);
                row.append(String.format(Locale.ROOT, " %.0f / %.0f / %.0f |", c.precisionPercent(lang, LENGTHS.get(0)),
                    c.precisionPercent(lang, LENGTHS.get(1)), c.precisionPercent(lang, LENGTHS.get(2))));
            }
            out.println(row);
        }
        out.println();
        out.println("Close-language confusion (lines of the truth language given as the confusable one; words / pairs / sentences):");
        out.println();
        out.println("| truth -> predicted | " + String.join(" | ", names) + " |");
        out.println("|---|" + "---|".repeat(names.size()));
        for (String truth : new TreeMap<>(CLOSE).keySet()) {
            if (!languages.contains(truth)) {
                continue;
            }
            for (String other : CLOSE.get(truth)) {
                if (!languages.contains(other)) {
                    continue;
                }
                StringBuilder row = new StringBuilder("| " + truth + " -> " + other + " |");
                for (String name : names) {
                    Counts c = results.get(name);
                    row.append(' ');
                    for (int k = 0; k < LENGTHS.size(); k++) {
                        row.append(c.confused(truth, LENGTHS.get(k), other)).append(k < 2 ? " / " : " |");
                    }
                }
                out.println(row);
            }
        }
    }
}
