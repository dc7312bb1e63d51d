package io.supportkit.core.spi;

import io.supportkit.internal.Require;
import io.supportkit.storage.CustomerId;
import io.supportkit.storage.ExternalId;
import io.supportkit.storage.Message;

/**
 * A stored public message on its way to a customer.
 *
 * @param customer  who receives it
 * @param recipient their address: the channel and id of their latest message
 * @param message   the stored message, with its transcript sequence
 */
public record OutboundMessage(CustomerId customer, ExternalId recipient, Message message) {
    public OutboundMessage {
        Require.nonNull(customer, "customer");
        Require.nonNull(recipient, "recipient");
        Require.nonNull(message, "message");
    }
}
