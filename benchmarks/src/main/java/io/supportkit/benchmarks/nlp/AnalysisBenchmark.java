package io.supportkit.benchmarks.nlp;

import io.supportkit.nlp.Language;
import io.supportkit.nlp.LanguageGuess;
import io.supportkit.nlp.TextAnalysis;
import io.supportkit.nlp.TextAnalyzer;
import java.util.List;
import java.util.Set;
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
 * The whole analysis (language over all 75 languages, tokens, PII redaction, sentiment, entities, cues) of one
 * 200-character message, average time; the language step alone is the baseline that shows what the rest costs.
 * Target: under 20 µs per message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class AnalysisBenchmark {

    private List<String> messages;
    private TextAnalyzer all;
    private TextAnalyzer restricted;
    private int next;

    @Setup
    public void setUp() {
        messages = Messages.ofLength(200, 64);
        all = TextAnalyzer.newBuilder().build();
        restricted = TextAnalyzer.newBuilder()
            .languages(Set.of(Language.ENGLISH, Language.TURKISH, Language.PERSIAN, Language.ARABIC,
                Language.AZERBAIJANI, Language.URDU, Language.GERMAN, Language.FRENCH, Language.SPANISH,
                Language.RUSSIAN))
            .build();
    }

    @Benchmark
    public TextAnalysis analyzeAllLanguages() {
        return all.analyze(messages.get(next++ & 63));
    }

    @Benchmark
    public TextAnalysis analyzeTenLanguages() {
        return restricted.analyze(messages.get(next++ & 63));
    }

    @Benchmark
    public LanguageGuess languageOnlyBaseline() {
        return all.languageDetector().detect(messages.get(next++ & 63));
    }
}
