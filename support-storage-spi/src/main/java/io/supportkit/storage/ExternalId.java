package io.supportkit.storage;

import io.supportkit.internal.Require;

/**
 * A customer's address on one channel: a phone number for SMS, a WhatsApp id, an e-mail address, a web
 * visitor id. Unique per tenant: one external id belongs to at most one customer.
 *
 * <p>Immutable. The value is kept as given (hosts normalise phone numbers and e-mail case before).
 *
 * <pre>{@code ExternalId sms = new ExternalId(Channel.SMS, "+905551234567");}</pre>
 */
public record ExternalId(Channel channel, String value) {
    public ExternalId {
        Require.nonNull(channel, "channel");
        Require.id(value, "externalId");
    }

    @Override
    public String toString() {
        return channel + ":" + value;
    }
}
