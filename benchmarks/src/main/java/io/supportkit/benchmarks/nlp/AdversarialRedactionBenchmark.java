package io.supportkit.benchmarks.nlp;

import io.supportkit.nlp.RedactionResult;
import io.supportkit.nlp.Redactor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Redaction of adversarial input, average time per operation: a run of digits, of one letter, of "a@", and of
 * "1 " (digit groups), each of {@code size} characters. supportkit stays linear (compare 16 KB with 1 MB); the
 * regex baseline of {@link RedactionBenchmark} backtracks quadratically on the digit runs (its phone pattern's
 * greedy {@code [\d .()-]{7,}}), so it is measured on 16 KB only: at 1 MB it does not finish an iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class AdversarialRedactionBenchmark {

    @Param({"digits", "letters", "at-signs", "digit-groups"})
    public String input;

    @Param({"16384", "1048576"})
    public int size;

    private String text;
    private Redactor redactor;

    @Setup
    public void setUp() {
        String unit = switch (input) {
            case "digits" -> "1234567890";
            case "letters" -> "aaaaaaaaaa";
            case "at-signs" -> "a@a@a@a@a@";
            default -> "1 2 3 4 5 ";
        };
        text = unit.repeat(size / unit.length() + 1).substring(0, size);
        redactor = Redactor.masking();
    }

    @Benchmark
    public RedactionResult supportkit() {
        return redactor.redact(text);
    }

    @Benchmark
    public String regexBaseline() {
        if (size > 16_384) {
            return ""; // quadratic: a 1 MB digit run takes hours with java.util.regex
        }
        return RedactionBenchmark.BASELINE.matcher(text).replaceAll("[PII]");
    }
}
