package io.supportkit.routing.internal;

import io.supportkit.ConfigurationException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** Maps names (channels, skills, languages) to dense ints. Not thread-safe: guarded by the router's lock. */
final class Interner {
    private final String kind;
    private final int limit;
    private final HashMap<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    Interner(String kind, int limit) {
        this.kind = kind;
        this.limit = limit;
    }

    int intern(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        if (names.size() >= limit) {
            throw new ConfigurationException("too many distinct " + kind + "s: at most " + limit + ", cannot add '"
                    + name + "'");
        }
        int next = names.size();
        ids.put(name, next);
        names.add(name);
        return next;
    }

    /** The id of {@code name}, or -1 when never seen. */
    int find(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    String name(int id) {
        return names.get(id);
    }

    int size() {
        return names.size();
    }
}
