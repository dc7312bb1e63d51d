package io.supportkit.nlp;

import io.supportkit.ConfigurationException;
import io.supportkit.SupportException;
import io.supportkit.internal.Require;
import io.supportkit.nlp.internal.EntityExtractor;
import io.supportkit.nlp.internal.LineBreaks;
import io.supportkit.nlp.internal.PiiScanner;
import io.supportkit.nlp.internal.SentimentScorer;
import io.supportkit.nlp.spi.AnalysisInterceptor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one message into a {@link TextAnalysis}: language, sentiment with anger and churn risk, entities (order
 * numbers, e-mails, phones, money, dates, products), PII redaction and intent cues, in-process with everything
 * it needs in the jar. Host steps run around the built-in analysis as {@link AnalysisInterceptor}s, in the order
 * added (the first added is the outermost).
 *
 * <p>Immutable and thread-safe: build one per configuration and share it. {@link #analyze(String)} never throws
 * for a non-null string (any length, unpaired surrogates, control characters), except for host interceptors'
 * failures, which are wrapped in {@link AnalysisException}.
 * <pre>{@code
 * TextAnalyzer analyzer = TextAnalyzer.newBuilder()
 *     .languages(Set.of(Language.ENGLISH, Language.TURKISH, Language.PERSIAN))
 *     .orderNumberFormats(List.of(OrderNumberFormat.of("999-99999")))
 *     .products(List.of("Galaxy S24", "AirPods Pro"))
 *     .build();
 * TextAnalysis a = analyzer.analyze("Siparişim 4 gün gecikti, rezalet! Sipariş numaram 245-12784.");
 * a.sentiment().isAngry();   // true
 * a.redactedText();          // store this
 * }</pre>
 */
public final class TextAnalyzer {

    private final LanguageDetector detector;
    private final Language fallbackLanguage;
    private final Redactor redactor;
    private final EntityExtractor extractor;
    private final SentimentScorer sentiment = new SentimentScorer();
    private final List<AnalysisInterceptor> interceptors;

    private TextAnalyzer(Builder b) {
        this.detector = b.detector != null ? b.detector
            : LanguageDetector.newBuilder().candidates(b.languages).minimumConfidence(b.minimumConfidence).build();
        this.fallbackLanguage = b.fallbackLanguage;
        this.redactor = b.redactor;
        this.extractor = new EntityExtractor(List.copyOf(b.formats), List.copyOf(b.products));
        this.interceptors = List.copyOf(b.interceptors);
    }

    /** A builder with all languages, the default order-number formats and a masking redactor. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** The language detector in use (also usable on its own). */
    public LanguageDetector languageDetector() {
        return detector;
    }

    /** The redactor in use (also usable on its own). */
    public Redactor redactor() {
        return redactor;
    }

    /**
     * Analyses one message.
     *
     * @throws io.supportkit.InvalidInputException when text is null
     * @throws AnalysisException                  when a host interceptor fails
     */
    public TextAnalysis analyze(String text) {
        Require.nonNull(text, "text");
        return new RealChain(0, text).proceed(text);
    }

    private final class RealChain implements AnalysisInterceptor.Chain {
        private final int index;
        private final String text;

        RealChain(int index, String text) {
            this.index = index;
            this.text = text;
        }

        @Override
        public String text() {
            return text;
        }

        @Override
        public TextAnalysis proceed(String next) {
            Require.nonNull(next, "text");
            if (index == interceptors.size()) {
                return analyzeBuiltIn(next);
            }
            AnalysisInterceptor interceptor = interceptors.get(index);
            TextAnalysis result;
            try {
                result = interceptor.intercept(new RealChain(index + 1, next));
            } catch (SupportException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new AnalysisException("analysis interceptor " + index + " (" + interceptor.getClass().getName()
                    + ") failed", e);
            }
            if (result == null) {
                throw new AnalysisException("analysis interceptor " + index + " (" + interceptor.getClass().getName()
                    + ") returned null", null);
            }
            return result;
        }
    }

    private TextAnalysis analyzeBuiltIn(String text) {
        LanguageGuess guess = detector.detect(text);
        Language language = guess.isKnown() ? guess.language() : fallbackLanguage;
        List<Token> tokens = Tokenizer.tokenize(text, language);
        LineBreaks breaks = new LineBreaks();
        List<PiiScanner.Finding> pii = PiiScanner.scan(text, breaks);
        RedactionResult redaction = redactor.redact(text, pii, breaks);
        Sentiment s = sentiment.score(text, tokens, language);
        List<Entity> entities = extractor.extract(text, tokens, pii, language);
        Set<IntentCue> cues = sentiment.cues(tokens);
        for (Entity e : entities) {
            if (e.type() == EntityType.ORDER_NUMBER) {
                cues = cues.isEmpty() ? EnumSet.noneOf(IntentCue.class) : EnumSet.copyOf(cues);
                cues.add(IntentCue.ORDER_NUMBER);
                break;
            }
        }
        return new TextAnalysis(text, guess, s, entities, redaction, cues, Map.of());
    }

    /**
     * Builds a {@link TextAnalyzer}. Not thread-safe; {@link #build()} validates and copies.
     * Example: {@code TextAnalyzer.newBuilder().addInterceptor(myStep).build()}.
     */
    public static final class Builder {
        private Set<Language> languages = Set.of();
        private double minimumConfidence;
        private LanguageDetector detector;
        private Language fallbackLanguage = Language.ENGLISH;
        private Redactor redactor = Redactor.masking();
        private final List<OrderNumberFormat> formats = new ArrayList<>(
            List.of(OrderNumberFormat.DASHED, OrderNumberFormat.HASH_LETTER));
        private final Set<String> products = new LinkedHashSet<>();
        private final List<AnalysisInterceptor> interceptors = new ArrayList<>();

        private Builder() {
        }

        /** Candidate languages for detection (empty: all 75). Ignored when {@link #languageDetector} is set. */
        public Builder languages(Set<Language> candidates) {
            this.languages = Set.copyOf(Require.noNullElements(Require.nonNull(candidates, "candidates"), "candidates"));
            return this;
        }

        /** Confidence below which the language is UNKNOWN; default 0. Ignored with {@link #languageDetector}. */
        public Builder minimumLanguageConfidence(double confidence) {
            this.minimumConfidence = confidence;
            return this;
        }

        /** A detector built elsewhere (shared between analyzers). */
        public Builder languageDetector(LanguageDetector languageDetector) {
            this.detector = Require.nonNull(languageDetector, "languageDetector");
            return this;
        }

        /** Language for tokenizing and sentiment when detection says UNKNOWN; default ENGLISH. */
        public Builder fallbackLanguage(Language language) {
            this.fallbackLanguage = Require.nonNull(language, "language");
            return this;
        }

        /** The redactor; default {@link Redactor#masking()}. */
        public Builder redactor(Redactor value) {
            this.redactor = Require.nonNull(value, "redactor");
            return this;
        }

        /** Replaces the order-number formats (default "999-99999" and "#A9999999"); empty disables templates. */
        public Builder orderNumberFormats(List<OrderNumberFormat> value) {
            Require.noNullElements(Require.nonNull(value, "orderNumberFormats"), "orderNumberFormats");
            formats.clear();
            formats.addAll(value);
            return this;
        }

        /** Product names to find as entities (matched by words, case- and script-folded). */
        public Builder products(List<String> names) {
            Require.noNullElements(Require.nonNull(names, "products"), "products");
            for (String name : names) {
                if (name.isBlank()) {
                    throw new ConfigurationException("products must not contain a blank name, was '" + name + "'");
                }
                products.add(name);
            }
            return this;
        }

        /** Adds a host step; the first added runs outermost. */
        public Builder addInterceptor(AnalysisInterceptor interceptor) {
            interceptors.add(Require.nonNull(interceptor, "interceptor"));
            return this;
        }

        /**
         * Validates and builds (loads the shared language model on first use, about a second).
         *
         * @throws ConfigurationException when the fallback language is UNKNOWN or a language setting is invalid
         */
        public TextAnalyzer build() {
            if (fallbackLanguage == Language.UNKNOWN) {
                throw new ConfigurationException("fallbackLanguage must be a language, was UNKNOWN");
            }
            return new TextAnalyzer(this);
        }
    }
}
