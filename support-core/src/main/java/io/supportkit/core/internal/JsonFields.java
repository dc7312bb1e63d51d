package io.supportkit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.supportkit.ConfigurationException;

import java.util.Iterator;
import java.util.Set;

/** Strict reading of JSON configuration: unknown keys and wrong types are errors that say where. */
public final class JsonFields {
    private JsonFields() {
    }

    /** Requires an object whose keys are all in {@code allowed}: a typo must fail, not be ignored. */
    public static void requireKeys(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            throw new ConfigurationException(where + " must be an object, was " + node);
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new ConfigurationException(where + ": unknown key '" + k + "', allowed: " + allowed);
            }
        }
    }

    /** The string at {@code key}, which must be present and a string. */
    public static String text(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) {
            throw new ConfigurationException(where + ": \"" + key + "\" must be a string");
        }
        return v.asText();
    }
}
