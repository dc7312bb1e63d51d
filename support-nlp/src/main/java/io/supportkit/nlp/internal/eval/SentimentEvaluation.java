package io.supportkit.nlp.internal.eval;

import io.supportkit.nlp.Language;
import io.supportkit.nlp.Sentiment;
import io.supportkit.nlp.SentimentLabel;
import io.supportkit.nlp.Tokenizer;
import io.supportkit.nlp.internal.SentimentScorer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sentiment and anger evaluation on the shared data formats:
 * <ul>
 *   <li>{@code vader}: {@code id<TAB>mean rating -4..4<TAB>text}; three classes with the ±0.05 band on both the
 *       rating and the score, and Pearson correlation of score with rating/4;</li>
 *   <li>{@code sentipers}: {@code "text",label} with label -2..2; three classes by the label's sign;</li>
 *   <li>{@code xed}: {@code text<TAB>emotions}; polarity where all emotions agree (anger, disgust, fear, sadness
 *       negative; joy, trust positive; anticipation and surprise ignored), two classes;</li>
 *   <li>{@code anger}: XED lines, anger (1) present or not, against {@link Sentiment#isAngry()}.</li>
 * </ul>
 */
public final class SentimentEvaluation {

    /** One labelled sample. */
    public record Sample(String text, String truth, double rating) {
    }

    private SentimentEvaluation() {
    }

    public static List<Sample> read(Path file, String format) throws IOException {
        List<Sample> samples = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (format.equals("sentipers")) {
            lines = csvRecords(lines);
        }
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            switch (format) {
                case "vader" -> {
                    String[] p = line.split("\t", 3);
                    if (p.length == 3) {
                        double r = Double.parseDouble(p[1]);
                        samples.add(new Sample(p[2], label(r), r / 4.0));
                    }
                }
                case "sentipers" -> {
                    int comma = line.lastIndexOf(',');
                    if (comma > 0) {
                        String text = line.substring(0, comma);
                        if (text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2) {
                            text = text.substring(1, text.length() - 1).replace("\"\"", "\"");
                        }
                        int v = Integer.parseInt(line.substring(comma + 1).trim());
                        samples.add(new Sample(text, v > 0 ? "positive" : v < 0 ? "negative" : "neutral", v / 2.0));
                    }
                }
                case "xed" -> {
                    String[] p = line.split("\t");
                    if (p.length == 2) {
                        Set<String> e = Set.of(p[1].replace(" ", "").split(","));
                        boolean neg = e.contains("1") || e.contains("3") || e.contains("4") || e.contains("6");
                        boolean pos = e.contains("5") || e.contains("8");
                        if (neg != pos) {
                            samples.add(new Sample(p[0], neg ? "negative" : "positive", neg ? -1 : 1));
                        }
                    }
                }
                case "anger" -> {
                    String[] p = line.split("\t");
                    if (p.length == 2) {
                        boolean anger = Set.of(p[1].replace(" ", "").split(",")).contains("1");
                        samples.add(new Sample(p[0], anger ? "angry" : "other", anger ? 1 : 0));
                    }
                }
                default -> throw new IllegalStateException("unknown format " + format);
            }
        }
        return samples;
    }

    /** Joins physical lines into CSV records: a quoted field may span lines. */
    static List<String> csvRecords(List<String> lines) {
        List<String> records = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int quotes = 0;
        for (String line : lines) {
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(line);
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == '"') {
                    quotes++;
                }
            }
            if (quotes % 2 == 0) {
                records.add(current.toString());
                current.setLength(0);
                quotes = 0;
            }
        }
        return records;
    }

    static String label(double score) {
        return SentimentLabel.of(score).name().toLowerCase(Locale.ROOT);
    }

    public static void run(Path file, String format, Language language, PrintStream out) throws IOException {
        List<Sample> samples = read(file, format);
        SentimentScorer scorer = new SentimentScorer();
        boolean anger = format.equals("anger");
        Confusion confusion = new Confusion(anger ? List.of("angry", "other")
            : List.of("negative", "neutral", "positive"));
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (Sample s : samples) {
            Sentiment result = scorer.score(s.text(), Tokenizer.tokenize(s.text(), language), language);
            String predicted = anger ? (result.isAngry() ? "angry" : "other") : label(result.score());
            confusion.add(s.truth(), predicted);
            double x = result.score();
            double y = s.rating();
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
        int n = samples.size();
        confusion.print("supportkit " + format + " " + language.isoCode() + " " + file.getFileName(), out);
        if (!anger) {
            double r = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
            out.printf(Locale.ROOT, "Pearson correlation of score with the rating: %.4f%n", r);
            if (format.equals("xed")) {
                int polar = 0;
                for (Sample s : samples) {
                    Sentiment result = scorer.score(s.text(), Tokenizer.tokenize(s.text(), language), language);
                    String predicted = label(result.score());
                    if (predicted.equals(s.truth())) {
                        polar++;
                    }
                }
                out.printf(Locale.ROOT, "two-class accuracy counting neutral as wrong: %.3f%n", (double) polar / n);
            }
            out.println();
        }
    }
}
