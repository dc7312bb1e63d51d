package io.supportkit.core;

import io.supportkit.internal.Require;
import io.supportkit.storage.Conversation;
import io.supportkit.storage.Message;

import java.util.Optional;

/**
 * What {@link Conversations#receive(InboundMessage)} did.
 *
 * @param conversation    the conversation after the message
 * @param message         the stored customer message (the earlier copy when {@code duplicate})
 * @param started         a new conversation was opened for it
 * @param reopened        a resolved conversation was reopened by it
 * @param duplicate       the transport had delivered it before: nothing was written or sent this time
 * @param autoReply       the engine's own answer, when it sent one
 */
public record ReceiveResult(Conversation conversation, Message message, boolean started, boolean reopened,
                            boolean duplicate, Optional<Message> autoReply) {
    public ReceiveResult {
        Require.nonNull(conversation, "conversation");
        Require.nonNull(message, "message");
        Require.nonNull(autoReply, "autoReply");
    }
}
