package io.supportkit.core;

import io.supportkit.internal.Require;
import io.supportkit.storage.Attachment;
import io.supportkit.storage.Channel;
import io.supportkit.storage.CustomerId;
import io.supportkit.storage.ExternalId;
import io.supportkit.storage.NewMessage;
import io.supportkit.storage.TenantId;

import java.util.List;
import java.util.Optional;

/**
 * A customer's message as the host's transport received it.
 *
 * <pre>{@code
 * InboundMessage in = InboundMessage.of(tenant, new ExternalId(Channel.WHATSAPP, "+905551234567"), "Merhaba")
 *         .withClientMessageId("wamid.HBgM...");
 * }</pre>
 *
 * @param sender          the customer's address on the channel the message came from
 * @param knownCustomer   set when the host already knows who this is (a logged-in user): the sender address is
 *                        then linked to that customer, so their channels share one history (R2)
 * @param clientMessageId the transport's id of this message; a retried delivery with the same id is stored once
 */
public record InboundMessage(TenantId tenant, ExternalId sender, Optional<CustomerId> knownCustomer,
                             Optional<String> clientMessageId, String text, List<Attachment> attachments) {
    public InboundMessage {
        Require.nonNull(tenant, "tenant");
        Require.nonNull(sender, "sender");
        Require.nonNull(knownCustomer, "knownCustomer");
        Require.nonNull(clientMessageId, "clientMessageId");
        clientMessageId.ifPresent(c -> Require.id(c, "clientMessageId"));
        Require.text(text, "text", NewMessage.MAX_TEXT_LENGTH);
        attachments = List.copyOf(Require.noNullElements(attachments, "attachments"));
    }

    public static InboundMessage of(TenantId tenant, ExternalId sender, String text) {
        return new InboundMessage(tenant, sender, Optional.empty(), Optional.empty(), text, List.of());
    }

    public Channel channel() {
        return sender.channel();
    }

    public InboundMessage withClientMessageId(String id) {
        return new InboundMessage(tenant, sender, knownCustomer, Optional.of(id), text, attachments);
    }

    public InboundMessage withKnownCustomer(CustomerId customer) {
        return new InboundMessage(tenant, sender, Optional.of(customer), clientMessageId, text, attachments);
    }

    public InboundMessage withAttachments(List<Attachment> files) {
        return new InboundMessage(tenant, sender, knownCustomer, clientMessageId, text, files);
    }
}
