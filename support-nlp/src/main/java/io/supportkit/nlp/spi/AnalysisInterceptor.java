package io.supportkit.nlp.spi;

import io.supportkit.nlp.TextAnalysis;

/**
 * A host step in the analysis pipeline, in the style of OkHttp's interceptors: it may change the text before the
 * built-in analysis (for example translate it, or strip a signature), call {@link Chain#proceed(String)}, and
 * change the result afterwards (for example add a CRM attribute with {@link TextAnalysis#withAttribute}).
 *
 * <p>Threading: called on the thread that calls {@code TextAnalyzer.analyze}, concurrently from many threads, so
 * implementations must be thread-safe. They may block (the caller chose the thread). An exception other than a
 * {@link io.supportkit.SupportException} is wrapped in {@link io.supportkit.nlp.AnalysisException}.
 * <pre>{@code
 * AnalysisInterceptor vip = chain -> {
 *     TextAnalysis a = chain.proceed(chain.text());
 *     return a.withAttribute("crm.tier", crm.tierOf(a.text()));
 * };
 * }</pre>
 */
@FunctionalInterface
public interface AnalysisInterceptor {

    /** Runs this step; must call {@code chain.proceed} at most once and return its (possibly changed) result. */
    TextAnalysis intercept(Chain chain);

    /** The rest of the pipeline. */
    interface Chain {
        /** The text as it reaches this step. */
        String text();

        /** Runs the following steps and the built-in analysis on {@code text}. */
        TextAnalysis proceed(String text);
    }
}
