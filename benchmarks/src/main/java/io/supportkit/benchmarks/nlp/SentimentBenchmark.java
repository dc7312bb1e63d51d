package io.supportkit.benchmarks.nlp;

import io.supportkit.nlp.Language;
import io.supportkit.nlp.Sentiment;
import io.supportkit.nlp.Tokenizer;
import io.supportkit.nlp.internal.SentimentScorer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sentiment of 200-character messages (tokenize + VADER-style rules + anger and churn phrases), one thread,
 * against a plain-Java baseline that only splits on spaces, lower-cases with the root locale and sums VADER
 * valences (no negation, boosters, caps, emoji or phrases). Target: 200,000 messages/s per core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class SentimentBenchmark {

    private List<String> messages;
    private SentimentScorer scorer;
    private Map<String, Float> baselineLexicon;
    private int next;

    @Setup
    public void setUp() throws Exception {
        messages = Messages.ofLength(200, 64);
        scorer = new SentimentScorer();
        baselineLexicon = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(SentimentScorer.class.getResourceAsStream(
            "sentiment/en.tsv"), StandardCharsets.UTF_8))) {
            r.lines().filter(l -> !l.startsWith("# ")).forEach(l -> {
                String[] p = l.split("\t");
                baselineLexicon.put(p[0], Float.parseFloat(p[1]));
            });
        }
    }

    @Benchmark
    public Sentiment supportkitSentiment() {
        String m = messages.get(next++ & 63);
        return scorer.score(m, Tokenizer.tokenize(m, Language.ENGLISH), Language.ENGLISH);
    }

    @Benchmark
    public double baselineLexiconSum() {
        String m = messages.get(next++ & 63);
        double sum = 0;
        for (String w : m.toLowerCase(Locale.ROOT).split(" ")) {
            Float v = baselineLexicon.get(w);
            if (v != null) {
                sum += v;
            }
        }
        return sum / Math.sqrt(sum * sum + 15);
    }
}
