package io.supportkit.core.sla;

import io.supportkit.ConfigurationException;
import io.supportkit.core.calendar.BusinessCalendar;
import io.supportkit.core.sla.internal.PolicyJsonReader;
import io.supportkit.internal.Require;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An ordered list of SLA policies: the first whose condition matches a subject applies; none may match.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * SlaPolicies policies = SlaPolicies.of(vipPolicy, chatPolicy, defaultPolicy);
 * Optional<SlaPolicy> applied = policies.match(subject);
 * }</pre>
 */
public final class SlaPolicies {
    private final List<SlaPolicy> ordered;

    private SlaPolicies(List<SlaPolicy> ordered) {
        this.ordered = ordered;
    }

    public static SlaPolicies of(SlaPolicy... policies) {
        // Arrays.asList, not List.of: List.of throws a bare NullPointerException on a null element before the
        // typed check below can name it
        return of(Arrays.asList(Require.nonNull(policies, "policies")));
    }

    public static SlaPolicies of(List<SlaPolicy> policies) {
        List<SlaPolicy> copy = List.copyOf(Require.noNullElements(Require.nonNull(policies, "policies"), "policies"));
        Set<String> ids = new HashSet<>();
        for (SlaPolicy p : copy) {
            if (!ids.add(p.id())) {
                throw new ConfigurationException("policy id " + Require.quote(p.id()) + " used twice");
            }
        }
        return new SlaPolicies(copy);
    }

    /**
     * Reads policies from JSON (format in {@code docs/sla.md}); {@code calendars} resolves the calendar ids the
     * policies name. Every value is validated as by the builders; errors are {@link ConfigurationException}s
     * naming the policy and the value.
     */
    public static SlaPolicies fromJson(String json, Map<String, BusinessCalendar> calendars) {
        Require.nonNull(json, "json");
        Require.noNullEntries(Require.nonNull(calendars, "calendars"), "calendars");
        return PolicyJsonReader.read(json, Map.copyOf(calendars));
    }

    public List<SlaPolicy> asList() {
        return ordered;
    }

    /** The first policy whose condition matches. */
    public Optional<SlaPolicy> match(SlaSubject subject) {
        Require.nonNull(subject, "subject");
        for (SlaPolicy p : ordered) {
            if (p.condition().matches(subject)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
