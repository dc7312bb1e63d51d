package io.supportkit.core;

import io.supportkit.storage.Conversation;
import io.supportkit.storage.Customer;
import io.supportkit.storage.Message;

import java.util.List;

/**
 * Everything stored about one customer, for a data-subject access request (GDPR/CCPA, R9). Serialisable to
 * JSON with Jackson as it is.
 */
public record CustomerExport(Customer customer, List<ConversationTranscript> conversations) {
    public CustomerExport {
        conversations = List.copyOf(conversations);
    }

    /** One conversation with all its messages, internal notes included. */
    public record ConversationTranscript(Conversation conversation, List<Message> messages) {
        public ConversationTranscript {
            messages = List.copyOf(messages);
        }
    }
}
