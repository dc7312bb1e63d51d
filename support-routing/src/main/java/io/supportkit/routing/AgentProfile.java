package io.supportkit.routing;

import io.supportkit.ConfigurationException;
import io.supportkit.InvalidInputException;
import io.supportkit.internal.Require;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who an agent is, for routing: skills with levels (0-10), languages, teams, tier, location, free-form
 * attributes and the capacity per channel (R4). Presence and load are not part of the profile; they live in the
 * router ({@link Router#setPresence}, {@link Router#agent}).
 *
 * <p><b>Capacity</b> is counted in units. Each channel has its own limit (different agents, different limits:
 * quality over quantity); {@link Builder#totalCapacity(int)} optionally caps the sum over all channels, which is
 * what makes "a voice call takes 100%" work (see {@link Task.Builder#percentOfCapacity(int)}). When no total is
 * set, the total is the sum of the channel limits (so it never restricts on its own).
 *
 * <p>Languages match on the primary subtag, case-insensitively: an agent with {@code "tr"} serves a task in
 * {@code "tr-TR"}. Immutable and thread-safe.
 *
 * <pre>{@code
 * AgentProfile ana = AgentProfile.builder("ana")
 *         .skill("billing", 8).skill("refunds", 5)
 *         .languages("tr", "en")
 *         .team("payments").tier(2).location("IST")
 *         .capacity("chat", 3).capacity("voice", 3).totalCapacity(3)
 *         .build();
 * }</pre>
 */
public final class AgentProfile {
    /** Largest capacity in units per channel. */
    public static final int MAX_CAPACITY = 1_000;

    private final String id;
    private final Map<String, Integer> skills;
    private final Set<String> languages;
    private final Set<String> teams;
    private final int tier;
    private final String location;
    private final Map<String, String> attributes;
    private final Map<String, Integer> capacities;
    private final int totalCapacity;

    private AgentProfile(Builder b) {
        this.id = b.id;
        this.skills = Collections.unmodifiableMap(new LinkedHashMap<>(b.skills));
        this.languages = Collections.unmodifiableSet(new LinkedHashSet<>(b.languages));
        this.teams = Collections.unmodifiableSet(new LinkedHashSet<>(b.teams));
        this.tier = b.tier;
        this.location = b.location;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
        this.capacities = Collections.unmodifiableMap(new LinkedHashMap<>(b.capacities));
        int sum = 0;
        for (int c : b.capacities.values()) {
            sum += c;
        }
        this.totalCapacity = b.totalCapacity > 0 ? b.totalCapacity : sum;
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder pre-filled with this profile, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.skills.putAll(skills);
        b.languages.addAll(languages);
        b.teams.addAll(teams);
        b.tier = tier;
        b.location = location;
        b.attributes.putAll(attributes);
        b.capacities.putAll(capacities);
        b.totalCapacity = totalCapacity;
        return b;
    }

    public String id() {
        return id;
    }

    /** Skill id to level (0-10). */
    public Map<String, Integer> skills() {
        return skills;
    }

    /** Level in {@code skill}, or -1 when the agent does not have it. */
    public int skillLevel(String skill) {
        Integer level = skills.get(skill);
        return level == null ? -1 : level;
    }

    /** Primary language subtags, lower case. */
    public Set<String> languages() {
        return languages;
    }

    public Set<String> teams() {
        return teams;
    }

    public int tier() {
        return tier;
    }

    /** Location code, or empty text when unknown. */
    public String location() {
        return location;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    /** Channel id to capacity in units. */
    public Map<String, Integer> capacities() {
        return capacities;
    }

    /** Capacity on {@code channel} in units; 0 when the agent does not work that channel. */
    public int capacity(String channel) {
        Integer c = capacities.get(channel);
        return c == null ? 0 : c;
    }

    /** Capacity over all channels together, in units. */
    public int totalCapacity() {
        return totalCapacity;
    }

    /** Normalises a language tag to its lower-case primary subtag ({@code "tr-TR"} becomes {@code "tr"}). */
    public static String primaryLanguage(String tag) {
        Require.id(tag, "language");
        int cut = tag.indexOf('-');
        int underscore = tag.indexOf('_');
        if (underscore >= 0 && (cut < 0 || underscore < cut)) {
            cut = underscore;
        }
        String primary = (cut >= 0 ? tag.substring(0, cut) : tag).toLowerCase(Locale.ROOT);
        if (primary.isEmpty()) {
            throw new InvalidInputException("language has an empty primary subtag: '" + tag + "'");
        }
        return primary;
    }

    @Override
    public String toString() {
        return "AgentProfile[" + id + ", skills=" + skills + ", languages=" + languages + ", teams=" + teams
                + ", tier=" + tier + ", capacities=" + capacities + ", total=" + totalCapacity + "]";
    }

    /**
     * Builds an {@link AgentProfile}. Not thread-safe; {@link #build()} validates and the profile is immutable.
     */
    public static final class Builder {
        private final String id;
        private final Map<String, Integer> skills = new LinkedHashMap<>();
        private final Set<String> languages = new LinkedHashSet<>();
        private final Set<String> teams = new LinkedHashSet<>();
        private int tier;
        private String location = "";
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final Map<String, Integer> capacities = new LinkedHashMap<>();
        private int totalCapacity;

        private Builder(String id) {
            this.id = Require.id(id, "agentId");
        }

        /** Adds or replaces a skill with its level, 0-10. */
        public Builder skill(String skill, int level) {
            Require.id(skill, "skill");
            Require.between(level, 0, SkillRequirement.MAX_LEVEL, "level of skill '" + skill + "'");
            skills.put(skill, level);
            return this;
        }

        public Builder languages(String... tags) {
            Require.nonNull(tags, "languages");
            for (String tag : tags) {
                languages.add(primaryLanguage(tag));
            }
            return this;
        }

        public Builder team(String team) {
            teams.add(Require.id(team, "team"));
            return this;
        }

        public Builder tier(int tier) {
            this.tier = Require.between(tier, 0, 1_000, "tier");
            return this;
        }

        public Builder location(String location) {
            this.location = Require.text(location, "location", Require.MAX_ID_LENGTH);
            return this;
        }

        public Builder attribute(String key, String value) {
            Require.id(key, "attribute key");
            attributes.put(key, Require.text(value, "attribute '" + key + "'", 1_000));
            return this;
        }

        /** Sets the capacity on {@code channel} in units, 0 to {@link #MAX_CAPACITY}. */
        public Builder capacity(String channel, int units) {
            Require.id(channel, "channel");
            capacities.put(channel, Require.between(units, 0, MAX_CAPACITY, "capacity of channel '" + channel + "'"));
            return this;
        }

        /** Caps the units used over all channels together; 0 (default) means the sum of the channel limits. */
        public Builder totalCapacity(int units) {
            this.totalCapacity = Require.between(units, 0, MAX_CAPACITY * 100, "totalCapacity");
            return this;
        }

        public AgentProfile build() {
            if (capacities.isEmpty()) {
                throw new ConfigurationException("agent '" + id + "' has no channel capacity: call capacity(channel, units)");
            }
            return new AgentProfile(this);
        }
    }
}
