package io.supportkit.core.sla;

import io.supportkit.storage.Priority;
import io.supportkit.internal.Require;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which subjects a policy applies to. Every attribute given must match (AND); within one attribute any listed
 * value matches (OR); an attribute not given matches everything. A subject with no value for a given attribute
 * (for example no intent) does not match it.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * SlaCondition vipChat = SlaCondition.builder().channels("web", "whatsapp").customerTiers("vip").build();
 * }</pre>
 */
public final class SlaCondition {
    private static final SlaCondition ALWAYS = builder().build();

    private final Set<Priority> priorities;
    private final Set<String> channels;
    private final Set<String> tenants;
    private final Set<String> customerTiers;
    private final Set<String> intents;
    private final Set<String> anyTags;
    private final Set<String> allTags;

    private SlaCondition(Builder b) {
        this.priorities = b.priorities.isEmpty() ? Set.of() : Set.copyOf(b.priorities);
        this.channels = Set.copyOf(b.channels);
        this.tenants = Set.copyOf(b.tenants);
        this.customerTiers = Set.copyOf(b.customerTiers);
        this.intents = Set.copyOf(b.intents);
        this.anyTags = Set.copyOf(b.anyTags);
        this.allTags = Set.copyOf(b.allTags);
    }

    /** Matches every subject. */
    public static SlaCondition always() {
        return ALWAYS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when {@code subject} meets every attribute of this condition. */
    public boolean matches(SlaSubject subject) {
        Require.nonNull(subject, "subject");
        return (priorities.isEmpty() || priorities.contains(subject.priority()))
                && in(channels, subject.channel())
                && in(tenants, subject.tenant())
                && in(customerTiers, subject.customerTier())
                && in(intents, subject.intent())
                && (anyTags.isEmpty() || anyTags.stream().anyMatch(subject.tags()::contains))
                && subject.tags().containsAll(allTags);
    }

    private static boolean in(Set<String> allowed, String value) {
        return allowed.isEmpty() || (value != null && allowed.contains(value));
    }

    @Override
    public String toString() {
        return "SlaCondition[priorities=" + priorities + ", channels=" + channels + ", tenants=" + tenants
                + ", tiers=" + customerTiers + ", intents=" + intents + ", anyTags=" + anyTags + ", allTags="
                + allTags + "]";
    }

    /** Builds an {@link SlaCondition}. Not thread-safe. */
    public static final class Builder {
        private final Set<Priority> priorities = EnumSet.noneOf(Priority.class);
        private final Set<String> channels = new java.util.HashSet<>();
        private final Set<String> tenants = new java.util.HashSet<>();
        private final Set<String> customerTiers = new java.util.HashSet<>();
        private final Set<String> intents = new java.util.HashSet<>();
        private final Set<String> anyTags = new java.util.HashSet<>();
        private final Set<String> allTags = new java.util.HashSet<>();

        private Builder() {
        }

        public Builder priorities(Priority... values) {
            // all checked before any is added: a rejected call leaves the builder as it was
            Require.noNullElements(Arrays.asList(Require.nonNull(values, "priorities")), "priorities");
            priorities.addAll(Arrays.asList(values));
            return this;
        }

        public Builder channels(String... values) {
            return add(channels, values, "channel");
        }

        public Builder tenants(String... values) {
            return add(tenants, values, "tenant");
        }

        public Builder customerTiers(String... values) {
            return add(customerTiers, values, "customerTier");
        }

        public Builder intents(String... values) {
            return add(intents, values, "intent");
        }

        /** Matches when the subject has at least one of these tags. */
        public Builder anyTag(String... values) {
            return add(anyTags, values, "tag");
        }

        /** Matches when the subject has all of these tags. */
        public Builder allTags(String... values) {
            return add(allTags, values, "tag");
        }

        private Builder add(Collection<String> into, String[] values, String name) {
            // all checked before any is added: a rejected call leaves the builder as it was
            for (String v : Require.nonNull(values, name + "s")) {
                Require.id(v, name);
            }
            into.addAll(Arrays.asList(values));
            return this;
        }

        public SlaCondition build() {
            return new SlaCondition(this);
        }
    }
}
