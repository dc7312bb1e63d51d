package io.supportkit.routing;

import io.supportkit.InvalidInputException;
import io.supportkit.internal.Require;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit of work to route: a conversation, a call, a ticket. The router knows tasks, not chat messages.
 *
 * <p>A task carries what routing rules and agent selection look at: channel, language, priority, intent,
 * customer tier, sentiment, location, campaign, required and optional skills with minimum levels, its cost in
 * capacity, the customer and the agent who last served them (for sticky routing), and free-form attributes.
 * {@link #createdAt()} is the task's original age: a re-routed or re-submitted task keeps it, so it keeps its
 * place in the queue.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Task task = Task.builder("conv-42", "chat")
 *         .language("tr").priority(2).intent("order_status").customerTier("gold")
 *         .requireSkill("orders", 3).preferSkill("vip", 5, Duration.ofSeconds(30))
 *         .customer("cust-7").lastAgent("ana")
 *         .build();
 * }</pre>
 */
public final class Task {
    /** Highest priority; larger is more urgent. */
    public static final int MAX_PRIORITY = 1_000;
    /** Most skills a task may require (required plus optional). */
    public static final int MAX_SKILLS = 16;

    private final String id;
    private final String channel;
    private final String language;
    private final int priority;
    private final Instant createdAt;
    private final List<SkillRequirement> skills;
    private final int units;
    private final int percent;
    private final String customerId;
    private final String lastAgentId;
    private final String intent;
    private final String customerTier;
    private final Double sentiment;
    private final String location;
    private final String campaign;
    private final Map<String, String> attributes;

    private Task(Builder b) {
        this.id = b.id;
        this.channel = b.channel;
        this.language = b.language;
        this.priority = b.priority;
        this.createdAt = b.createdAt;
        this.skills = Collections.unmodifiableList(new ArrayList<>(b.skills));
        this.units = b.units;
        this.percent = b.percent;
        this.customerId = b.customerId;
        this.lastAgentId = b.lastAgentId;
        this.intent = b.intent;
        this.customerTier = b.customerTier;
        this.sentiment = b.sentiment;
        this.location = b.location;
        this.campaign = b.campaign;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
    }

    public static Builder builder(String id, String channel) {
        return new Builder(id, channel);
    }

    public String id() {
        return id;
    }

    public String channel() {
        return channel;
    }

    /** Primary language subtag, lower case; {@code null} when any language will do. */
    public String language() {
        return language;
    }

    public int priority() {
        return priority;
    }

    /** Original creation time (the task's age); {@code null} means "when submitted". */
    public Instant createdAt() {
        return createdAt;
    }

    /** Required and optional skills, in the order given. */
    public List<SkillRequirement> skills() {
        return skills;
    }

    /** Cost in capacity units; 0 when the cost is a percentage ({@link #percentOfCapacity()}). */
    public int units() {
        return units;
    }

    /** Cost as a percentage of the agent's total capacity, or 0 when the cost is in units. */
    public int percentOfCapacity() {
        return percent;
    }

    public String customerId() {
        return customerId;
    }

    /** The agent who last served this customer (sticky routing), or {@code null}. */
    public String lastAgentId() {
        return lastAgentId;
    }

    public String intent() {
        return intent;
    }

    public String customerTier() {
        return customerTier;
    }

    /** Sentiment score from -1 (angry) to 1 (happy), or {@code null} when unknown. */
    public Double sentiment() {
        return sentiment;
    }

    public String location() {
        return location;
    }

    public String campaign() {
        return campaign;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    /** A builder pre-filled with this task, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(id, channel);
        b.language = language;
        b.priority = priority;
        b.createdAt = createdAt;
        b.skills.addAll(skills);
        b.units = units;
        b.percent = percent;
        b.customerId = customerId;
        b.lastAgentId = lastAgentId;
        b.intent = intent;
        b.customerTier = customerTier;
        b.sentiment = sentiment;
        b.location = location;
        b.campaign = campaign;
        b.attributes.putAll(attributes);
        return b;
    }

    @Override
    public String toString() {
        return "Task[" + id + ", " + channel + (language == null ? "" : ", " + language) + ", p" + priority
                + ", skills=" + skills + "]";
    }

    /** Builds a {@link Task}. Not thread-safe; every setter validates at once and changes nothing on bad input. */
    public static final class Builder {
        private final String id;
        private final String channel;
        private String language;
        private int priority;
        private Instant createdAt;
        private final List<SkillRequirement> skills = new ArrayList<>();
        private int units = 1;
        private int percent;
        private String customerId;
        private String lastAgentId;
        private String intent;
        private String customerTier;
        private Double sentiment;
        private String location;
        private String campaign;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(String id, String channel) {
            this.id = Require.id(id, "taskId");
            this.channel = Require.id(channel, "channel");
        }

        /** The customer's language (any BCP 47 tag; routing matches on the primary subtag). */
        public Builder language(String tag) {
            this.language = AgentProfile.primaryLanguage(tag);
            return this;
        }

        /** Priority, 0 (default) to {@link #MAX_PRIORITY}; larger is served first. */
        public Builder priority(int priority) {
            this.priority = Require.between(priority, 0, MAX_PRIORITY, "priority");
            return this;
        }

        /** The original creation time; keep it when re-submitting so the task keeps its age. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = Require.nonNull(createdAt, "createdAt");
            return this;
        }

        public Builder requireSkill(String skill, int minLevel) {
            return skill(SkillRequirement.required(skill, minLevel));
        }

        public Builder preferSkill(String skill, int minLevel, java.time.Duration dropAfter) {
            return skill(SkillRequirement.optional(skill, minLevel, dropAfter));
        }

        public Builder skill(SkillRequirement requirement) {
            Require.nonNull(requirement, "requirement");
            if (skills.size() >= MAX_SKILLS) {
                throw new InvalidInputException("a task may require at most " + MAX_SKILLS + " skills");
            }
            for (SkillRequirement s : skills) {
                if (s.skill().equals(requirement.skill())) {
                    throw new InvalidInputException("skill '" + requirement.skill() + "' is already required");
                }
            }
            skills.add(requirement);
            return this;
        }

        /** Cost in capacity units, 1 (default) to {@link AgentProfile#MAX_CAPACITY}. */
        public Builder units(int units) {
            this.units = Require.between(units, 1, AgentProfile.MAX_CAPACITY, "units");
            this.percent = 0;
            return this;
        }

        /** Cost as a percentage of the agent's total capacity, 1-100 (a voice call: 100), rounded up to units. */
        public Builder percentOfCapacity(int percent) {
            this.percent = Require.between(percent, 1, 100, "percentOfCapacity");
            this.units = 0;
            return this;
        }

        public Builder customer(String customerId) {
            this.customerId = Require.id(customerId, "customerId");
            return this;
        }

        /** The agent who last served this customer; the router prefers them within the sticky wait. */
        public Builder lastAgent(String agentId) {
            this.lastAgentId = Require.id(agentId, "lastAgentId");
            return this;
        }

        public Builder intent(String intent) {
            this.intent = Require.id(intent, "intent");
            return this;
        }

        public Builder customerTier(String tier) {
            this.customerTier = Require.id(tier, "customerTier");
            return this;
        }

        /** Sentiment from -1 to 1. */
        public Builder sentiment(double score) {
            if (!(score >= -1.0 && score <= 1.0)) {
                throw new InvalidInputException("sentiment must be between -1 and 1, was " + score);
            }
            this.sentiment = score;
            return this;
        }

        public Builder location(String location) {
            this.location = Require.id(location, "location");
            return this;
        }

        public Builder campaign(String campaign) {
            this.campaign = Require.id(campaign, "campaign");
            return this;
        }

        public Builder attribute(String key, String value) {
            Require.id(key, "attribute key");
            attributes.put(key, Require.text(value, "attribute '" + key + "'", 1_000));
            return this;
        }

        public Task build() {
            return new Task(this);
        }
    }
}
