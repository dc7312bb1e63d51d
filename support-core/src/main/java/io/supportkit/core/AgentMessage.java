package io.supportkit.core;

import io.supportkit.internal.Require;
import io.supportkit.storage.AgentId;
import io.supportkit.storage.Attachment;
import io.supportkit.storage.NewMessage;

import java.util.List;
import java.util.Optional;

/**
 * What an agent writes: a public reply or an internal note.
 *
 * <pre>{@code engine.conversations().reply(tenant, id, AgentMessage.of(ana, "Your order ships today."));}</pre>
 *
 * @param clientMessageId the agent UI's id for this message; a retried send with the same id is stored once
 */
public record AgentMessage(AgentId agent, String text, Optional<String> clientMessageId, List<Attachment> attachments) {
    public AgentMessage {
        Require.nonNull(agent, "agent");
        Require.text(text, "text", NewMessage.MAX_TEXT_LENGTH);
        Require.nonNull(clientMessageId, "clientMessageId");
        clientMessageId.ifPresent(c -> Require.id(c, "clientMessageId"));
        attachments = List.copyOf(Require.noNullElements(attachments, "attachments"));
    }

    public static AgentMessage of(AgentId agent, String text) {
        return new AgentMessage(agent, text, Optional.empty(), List.of());
    }

    public AgentMessage withClientMessageId(String id) {
        return new AgentMessage(agent, text, Optional.of(id), attachments);
    }
}
