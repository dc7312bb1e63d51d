package io.supportkit.benchmarks.nlp;

import io.supportkit.nlp.RedactionResult;
import io.supportkit.nlp.Redactor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Redaction of one megabyte of realistic chat with PII per operation (so ops/s = MB/s): supportkit's hand-written
 * scanners against a plain java.util.regex baseline (card, e-mail and phone patterns of the kind found in many
 * code bases, without checksums). Target: 200 MB/s. Adversarial inputs: {@link AdversarialRedactionBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class RedactionBenchmark {

    static final Pattern BASELINE = Pattern.compile(
        "\\b(?:\\d[ -]?){13,19}\\b|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}|\\+?\\d[\\d .()-]{7,}\\d");

    private String text;
    private Redactor redactor;

    @Setup
    public void setUp() {
        StringBuilder b = new StringBuilder(1 << 20);
        List<String> chat = Messages.ofLength(200, 64);
        int i = 0;
        while (b.length() < 1 << 20) {
            b.append(chat.get(i++ & 63)).append('\n');
        }
        text = b.substring(0, 1 << 20);
        redactor = Redactor.masking();
    }

    @Benchmark
    public RedactionResult supportkit() {
        return redactor.redact(text);
    }

    @Benchmark
    public String regexBaseline() {
        Matcher m = BASELINE.matcher(text);
        return m.replaceAll("[PII]");
    }
}
