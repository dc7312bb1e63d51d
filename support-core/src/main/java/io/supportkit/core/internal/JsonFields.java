package io.supportkit.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.supportkit.ConfigurationException;
import io.supportkit.internal.Require;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reading of JSON configuration: unknown keys and wrong types are errors that say where, and the caller's
 * values appear in messages only as {@link Require#quote} shows them (a file's keys and values can be huge or
 * malformed, and a message must not repeat them whole).
 */
public final class JsonFields {
    /**
     * The mapper for configuration files. Strict where a lenient parser would silently pick: a key given twice
     * (which "weekly" wins? {"policies":[...],"policies":[]} would drop every policy) and anything after the root
     * value (a second root, a pasted fragment) are errors. A caller's stream is left open.
     */
    public static final ObjectMapper STRICT_MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private JsonFields() {
    }

    /**
     * The error for a file {@link #STRICT_MAPPER} could not parse, naming {@code what} ("calendar", "SLA policy")
     * and where. The parser's own message can repeat a key of the input whole (up to its 50,000 characters), so a
     * long or malformed one is quoted.
     */
    public static ConfigurationException malformed(String what, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String message = e.getOriginalMessage();
        if (e instanceof MismatchedInputException && message.startsWith("Trailing token")) {
            message = "it must hold one value and nothing after it, found more";
        } else if (message.length() > 300 || Require.firstUnpairedSurrogate(message) >= 0) {
            message = Require.quote(message);
        }
        return new ConfigurationException(what + " JSON is malformed" + where + ": " + message, e);
    }

    /** The elements of the array at {@code key}; none when it is absent, an error when it is not an array. */
    public static List<JsonNode> array(JsonNode node, String key, String where) {
        JsonNode v = node.path(key);
        List<JsonNode> out = new ArrayList<>();
        if (v.isMissingNode()) {
            return out;
        }
        if (!v.isArray()) {
            throw new ConfigurationException(where + ": \"" + key + "\" must be an array");
        }
        v.forEach(out::add);
        return out;
    }

    /** Requires an object whose keys are all in {@code allowed}: a typo must fail, not be ignored. */
    public static void requireKeys(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            throw new ConfigurationException(where + " must be an object, was " + shown(node));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new ConfigurationException(where + ": unknown key " + Require.quote(k) + ", allowed: "
                        + new TreeSet<>(allowed));
            }
        }
    }

    /** The string at {@code key}, which must be present and a string. */
    public static String text(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) {
            throw new ConfigurationException(where + ": \"" + key + "\" must be a string"
                    + (v == null ? ", and is missing" : ", was " + shown(v)));
        }
        return v.asText();
    }

    /** A JSON value as a message may show it (see {@link Require#quote}). */
    public static String shown(JsonNode v) {
        return Require.quote(v.toString());
    }
}
