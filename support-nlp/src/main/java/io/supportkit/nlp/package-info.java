/**
 * Text understanding for support chat, usable on its own: {@link io.supportkit.nlp.TextAnalyzer} turns a message
 * into a {@link io.supportkit.nlp.TextAnalysis} (language, sentiment with anger and churn risk, entities,
 * redacted text, intent cues). Parts usable alone: {@link io.supportkit.nlp.LanguageDetector},
 * {@link io.supportkit.nlp.Redactor}, {@link io.supportkit.nlp.Tokenizer}, {@link io.supportkit.nlp.TextNormalizer}.
 * Conversation-level state: {@link io.supportkit.nlp.ConversationSentiment},
 * {@link io.supportkit.nlp.ConversationLanguage}.
 */
package io.supportkit.nlp;
