package io.supportkit.core.event;

import io.supportkit.nlp.Sentiment;
import io.supportkit.storage.Conversation;

import java.time.Instant;

/**
 * The customer's message reads angry or as a churn risk ("cancel my subscription", "talk to your manager",
 * "hizmetimizi iptal"). The engine has already raised the priority and tagged the conversation
 * ({@code angry}, {@code churn-risk}); a host shows this to the agent before they pick the chat up (R3).
 *
 * @param sentiment the message's sentiment, with its anger and churn-risk signals
 */
public record CustomerUpset(Conversation conversation, Sentiment sentiment, Instant at) implements ConversationEvent {
}
