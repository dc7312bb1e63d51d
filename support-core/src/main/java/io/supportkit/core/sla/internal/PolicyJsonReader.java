package io.supportkit.core.sla.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.supportkit.ConfigurationException;
import io.supportkit.core.internal.JsonFields;
import io.supportkit.SupportException;
import io.supportkit.core.calendar.BusinessCalendar;
import io.supportkit.core.sla.EscalationAction;
import io.supportkit.storage.Priority;
import io.supportkit.core.sla.SlaCondition;
import io.supportkit.core.sla.SlaMetric;
import io.supportkit.core.sla.SlaPolicies;
import io.supportkit.core.sla.SlaPolicy;
import io.supportkit.core.sla.SlaStatus;
import io.supportkit.core.sla.TimeBasis;
import io.supportkit.internal.Require;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads SLA policies from JSON into {@link SlaPolicy.Builder} calls, one call per JSON entry, so the builder stays
 * the one place that validates. Unknown keys are rejected. Internal; the format is in {@code docs/sla.md}.
 */
public final class PolicyJsonReader {
    private static final Set<String> POLICY = Set.of("id", "when", "calendar", "targets", "runningIn", "warnings",
            "onWarning", "onBreach", "countBotReplies", "countInternalNotes", "reassignIfNoReplyWithin");
    private static final Set<String> WHEN = Set.of("priorities", "channels", "tenants", "customerTiers", "intents",
            "anyTag", "allTags");
    private static final Set<String> TARGET = Set.of("metric", "priority", "duration", "basis");
    private static final Set<String> WARNINGS = Set.of("fractions", "before");
    private static final Set<String> ACTION = Set.of("raisePriority", "raisePriorityTo", "reroute", "notifySupervisor");

    private PolicyJsonReader() {
    }

    public static SlaPolicies read(String json, Map<String, BusinessCalendar> calendars) {
        JsonNode root;
        try {
            root = JsonFields.STRICT_MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw JsonFields.malformed("SLA policy", e);
        }
        if (root == null || !root.isObject() || !root.path("policies").isArray() || root.size() != 1) {
            throw new ConfigurationException("SLA policy JSON must be an object with one key, \"policies\": [...]");
        }
        List<SlaPolicy> out = new ArrayList<>();
        for (JsonNode p : root.get("policies")) {
            out.add(policy(p, calendars));
        }
        return SlaPolicies.of(out);
    }

    private static SlaPolicy policy(JsonNode p, Map<String, BusinessCalendar> calendars) {
        JsonFields.requireKeys(p, POLICY, "policy");
        String id = JsonFields.text(p, "id", "policy");
        String where = "policy " + Require.quote(id);
        try {
            SlaPolicy.Builder b = SlaPolicy.builder(id);
            if (p.has("when")) {
                b.when(condition(p.get("when"), where));
            }
            if (p.has("calendar")) {
                String name = JsonFields.text(p, "calendar", where);
                BusinessCalendar cal = calendars.get(name);
                if (cal == null) {
                    throw new ConfigurationException(where + ": unknown calendar " + Require.quote(name)
                            + ", known: " + calendars.keySet());
                }
                b.calendar(cal);
            }
            for (JsonNode t : JsonFields.array(p, "targets", where)) {
                JsonFields.requireKeys(t, TARGET, where + " target");
                SlaMetric metric = enumValue(SlaMetric.class, JsonFields.text(t, "metric", where), where);
                Duration d = Duration.parse(JsonFields.text(t, "duration", where));
                TimeBasis basis = enumValue(TimeBasis.class, JsonFields.text(t, "basis", where), where);
                if (t.has("priority")) {
                    b.target(metric, enumValue(Priority.class, JsonFields.text(t, "priority", where), where), d, basis);
                } else {
                    b.target(metric, d, basis);
                }
            }
            JsonNode running = p.path("runningIn");
            if (!running.isMissingNode()) {
                if (!running.isObject()) {
                    // fields() of a string, array or null is empty: the setting would be silently ignored
                    throw new ConfigurationException(where + ": \"runningIn\" must be an object from metric to "
                            + "statuses, for example {\"AGENT_WORK\": [\"OPEN\"]}, was " + JsonFields.shown(running));
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = running.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    List<SlaStatus> statuses = new ArrayList<>();
                    for (String s : strings(e.getValue(), where + " runningIn." + Require.quote(e.getKey()))) {
                        statuses.add(enumValue(SlaStatus.class, s, where));
                    }
                    b.runningIn(enumValue(SlaMetric.class, e.getKey(), where), statuses.toArray(SlaStatus[]::new));
                }
            }
            if (p.has("warnings")) {
                JsonNode w = p.get("warnings");
                JsonFields.requireKeys(w, WARNINGS, where + " warnings");
                b.noWarnings();
                for (JsonNode f : JsonFields.array(w, "fractions", where)) {
                    if (!f.isNumber()) {
                        throw new ConfigurationException(where + ": warning fractions must be numbers, found "
                                + JsonFields.shown(f));
                    }
                    b.warnAtFraction(f.asDouble());
                }
                for (String lead : strings(w.path("before"), where + " warnings.before")) {
                    b.warnBefore(Duration.parse(lead));
                }
            }
            b.onWarning(actions(p, "onWarning", where));
            b.onBreach(actions(p, "onBreach", where));
            if (p.has("countBotReplies")) {
                b.countBotReplies(bool(p, "countBotReplies", where));
            }
            if (p.has("countInternalNotes")) {
                b.countInternalNotes(bool(p, "countInternalNotes", where));
            }
            if (p.has("reassignIfNoReplyWithin")) {
                b.reassignIfNoReplyWithin(Duration.parse(JsonFields.text(p, "reassignIfNoReplyWithin", where)));
            }
            return b.build();
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(where + ": bad duration " + Require.quote(e.getParsedString())
                    + " (ISO-8601, for example PT30M)", e);
        } catch (SupportException e) {
            if (e instanceof ConfigurationException && e.getMessage().startsWith(where)) {
                throw e; // raised here, already says which policy
            }
            // raised by a builder, which does not know it is reading this policy: say which, keep the cause
            throw new ConfigurationException(where + ": " + e.getMessage(), e);
        }
    }

    private static SlaCondition condition(JsonNode w, String where) {
        JsonFields.requireKeys(w, WHEN, where + " when");
        SlaCondition.Builder c = SlaCondition.builder();
        for (String s : strings(w.path("priorities"), where + " when.priorities")) {
            c.priorities(enumValue(Priority.class, s, where));
        }
        c.channels(strings(w.path("channels"), where + " when.channels").toArray(String[]::new));
        c.tenants(strings(w.path("tenants"), where + " when.tenants").toArray(String[]::new));
        c.customerTiers(strings(w.path("customerTiers"), where + " when.customerTiers").toArray(String[]::new));
        c.intents(strings(w.path("intents"), where + " when.intents").toArray(String[]::new));
        c.anyTag(strings(w.path("anyTag"), where + " when.anyTag").toArray(String[]::new));
        c.allTags(strings(w.path("allTags"), where + " when.allTags").toArray(String[]::new));
        return c.build();
    }

    private static EscalationAction[] actions(JsonNode p, String key, String where) {
        List<EscalationAction> out = new ArrayList<>();
        for (JsonNode a : JsonFields.array(p, key, where)) {
            JsonFields.requireKeys(a, ACTION, where + " " + key);
            if (a.size() != 1) {
                throw new ConfigurationException(where + " " + key + ": each action has exactly one key, was "
                        + JsonFields.shown(a));
            }
            if (a.has("raisePriority")) {
                // the format has only "raisePriority": true (one step up); false or another value would still
                // raise it, so it is not accepted
                if (!a.get("raisePriority").isBoolean() || !a.get("raisePriority").booleanValue()) {
                    throw new ConfigurationException(where + " " + key + ": \"raisePriority\" must be true (one "
                            + "step up; use \"raisePriorityTo\" for a given priority, or leave the action out), was "
                            + JsonFields.shown(a.get("raisePriority")));
                }
                out.add(EscalationAction.raisePriority());
            } else if (a.has("raisePriorityTo")) {
                out.add(EscalationAction.raisePriorityTo(enumValue(Priority.class, JsonFields.text(a, "raisePriorityTo", where),
                        where)));
            } else if (a.has("reroute")) {
                out.add(EscalationAction.reroute(JsonFields.text(a, "reroute", where)));
            } else {
                out.add(EscalationAction.notifySupervisor(JsonFields.text(a, "notifySupervisor", where)));
            }
        }
        return out.toArray(EscalationAction[]::new);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String where) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(where + ": unknown " + type.getSimpleName() + " " + Require.quote(value),
                    e);
        }
    }

    private static boolean bool(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (!v.isBoolean()) {
            throw new ConfigurationException(where + ": \"" + key + "\" must be true or false, was " + JsonFields.shown(v));
        }
        return v.asBoolean();
    }

    private static List<String> strings(JsonNode v, String where) {
        List<String> out = new ArrayList<>();
        if (v.isMissingNode()) {
            return out;
        }
        if (!v.isArray()) {
            throw new ConfigurationException(where + " must be an array of strings");
        }
        for (JsonNode n : v) {
            if (!n.isTextual()) {
                throw new ConfigurationException(where + " must hold strings, found " + JsonFields.shown(n));
            }
            out.add(n.asText());
        }
        return out;
    }
}
