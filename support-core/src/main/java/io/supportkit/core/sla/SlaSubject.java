package io.supportkit.core.sla;

import io.supportkit.storage.Priority;
import io.supportkit.internal.Require;

import java.util.Set;

/**
 * What the SLA policies look at: a snapshot of a ticket or conversation. The engine builds one from its own model
 * when it creates or changes a conversation and passes it in {@link SlaInput#created} or {@link SlaInput#updated}.
 *
 * <p>Immutable and thread-safe. Optional attributes are null when unknown.
 *
 * <pre>{@code
 * SlaSubject subject = SlaSubject.builder("conv-42", Priority.HIGH)
 *         .tenant("acme").channel("whatsapp").customerTier("vip").tags(Set.of("billing")).intent("order_status")
 *         .build();
 * }</pre>
 *
 * @param id the conversation or ticket id
 * @param priority current priority
 * @param tenant tenant (brand or client) id, or null
 * @param channel channel name such as {@code web}, {@code sms}, {@code whatsapp}, {@code email}, or null
 * @param customerTier customer tier such as {@code vip}, or null
 * @param tags tags, possibly empty; each non-blank, at most 128 characters, no control characters
 * @param intent detected intent, or null
 */
public record SlaSubject(String id, Priority priority, String tenant, String channel, String customerTier,
                         Set<String> tags, String intent) {
    public SlaSubject {
        Require.id(id, "id");
        Require.nonNull(priority, "priority");
        tags = Set.copyOf(Require.noNullElements(Require.nonNull(tags, "tags"), "tags"));
        for (String tag : tags) {
            // the rule SlaCondition and Conversation apply to tags, so every tag a subject carries can be matched
            Require.id(tag, "tag");
        }
        if (tenant != null) {
            Require.id(tenant, "tenant");
        }
        if (channel != null) {
            Require.id(channel, "channel");
        }
        if (customerTier != null) {
            Require.id(customerTier, "customerTier");
        }
        if (intent != null) {
            Require.id(intent, "intent");
        }
    }

    public static Builder builder(String id, Priority priority) {
        return new Builder(id, priority);
    }

    /** A copy with another priority, for example after an escalation raised it. */
    public SlaSubject withPriority(Priority newPriority) {
        return new SlaSubject(id, newPriority, tenant, channel, customerTier, tags, intent);
    }

    /** Builds an {@link SlaSubject}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final Priority priority;
        private String tenant;
        private String channel;
        private String customerTier;
        private Set<String> tags = Set.of();
        private String intent;

        private Builder(String id, Priority priority) {
            this.id = id;
            this.priority = priority;
        }

        public Builder tenant(String tenant) {
            this.tenant = tenant;
            return this;
        }

        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        public Builder customerTier(String customerTier) {
            this.customerTier = customerTier;
            return this;
        }

        public Builder tags(Set<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder intent(String intent) {
            this.intent = intent;
            return this;
        }

        public SlaSubject build() {
            return new SlaSubject(id, priority, tenant, channel, customerTier, tags, intent);
        }
    }
}
