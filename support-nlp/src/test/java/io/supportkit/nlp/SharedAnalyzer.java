package io.supportkit.nlp;

/** One analyzer for all tests: building loads the language model once per JVM, the analyzer is thread-safe. */
final class SharedAnalyzer {

    static final TextAnalyzer ANALYZER = TextAnalyzer.newBuilder().build();

    private SharedAnalyzer() {
    }
}
