/**
 * Extension points that hosts implement: {@link io.supportkit.nlp.spi.AnalysisInterceptor} adds a step to the
 * text-analysis pipeline.
 */
package io.supportkit.nlp.spi;
