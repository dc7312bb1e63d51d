package io.supportkit.nlp.internal;

import io.supportkit.nlp.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of keyword phrases matched against folded tokens, each phrase tagged with a value. Phrase syntax:
 * words separated by spaces; a word ending in {@code *} matches any token starting with it (Turkish and Persian
 * suffixes); {@code ~} matches up to two arbitrary tokens. Matching is linear in tokens times the phrases that
 * share a token's first two letters. Immutable and thread-safe.
 */
public final class PhraseSet<T> {

    private record Phrase<T>(String[] words, T value) {
    }

    private final Map<Integer, List<Phrase<T>>> byFirst = new HashMap<>();
    // Open-addressing copy of byFirst, rebuilt by add(): match() then looks up without boxing an Integer.
    private int[] tableKeys = new int[1];
    private Phrase<T>[][] tableValues = newTable(1);

    /** Adds {@code phrases} (already in folded form or folded here with {@code fold}) tagged with value. */
    public PhraseSet<T> add(T value, String... phrases) {
        for (String p : phrases) {
            String[] words = SecretCues.fold(p).trim().split(" +");
            byFirst.computeIfAbsent(key(words[0]), k -> new ArrayList<>()).add(new Phrase<>(words, value));
        }
        int capacity = Integer.highestOneBit(Math.max(4, byFirst.size() * 4));
        int[] keys = new int[capacity];
        Phrase<T>[][] values = newTable(capacity);
        for (Map.Entry<Integer, List<Phrase<T>>> e : byFirst.entrySet()) {
            int slot = slot(e.getKey(), capacity);
            while (values[slot] != null) {
                slot = (slot + 1) & (capacity - 1);
            }
            keys[slot] = e.getKey();
            @SuppressWarnings("unchecked")
            Phrase<T>[] array = e.getValue().toArray(new Phrase[0]);
            values[slot] = array;
        }
        tableKeys = keys;
        tableValues = values;
        return this;
    }

    @SuppressWarnings("unchecked")
    private static <T> Phrase<T>[][] newTable(int capacity) {
        return (Phrase<T>[][]) new Phrase[capacity][];
    }

    private static int slot(int key, int capacity) {
        return (key * 0x9E3779B9 >>> 16) & (capacity - 1);
    }

    private Phrase<T>[] lookup(int key) {
        int capacity = tableKeys.length;
        int slot = slot(key, capacity);
        while (tableValues[slot] != null) {
            if (tableKeys[slot] == key) {
                return tableValues[slot];
            }
            slot = (slot + 1) & (capacity - 1);
        }
        return null;
    }

    private static int key(String word) {
        char a = word.charAt(0);
        char b = word.length() > 1 && word.charAt(1) != '*' ? word.charAt(1) : 0;
        return (a << 16) | b;
    }

    /** Calls {@code sink} with (value, first token index, last token index) for every match. */
    public void match(List<Token> tokens, MatchSink<T> sink) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() != Token.Kind.WORD || t.folded().isEmpty()) {
                continue;
            }
            String f = t.folded();
            Phrase<T>[] exact = lookup(key(f));
            Phrase<T>[] single = f.length() > 1 ? lookup((int) f.charAt(0) << 16) : null;
            if (exact != null) {
                tryAll(tokens, i, exact, sink);
            }
            if (single != null) {
                tryAll(tokens, i, single, sink);
            }
            if (t.text().indexOf('I') >= 0 && f.indexOf('ı') >= 0) {
                String dotted = f.replace('ı', 'i'); // "IPTAL" typed without a Turkish keyboard
                if (dotted.charAt(0) != f.charAt(0) || (dotted.length() > 1 && dotted.charAt(1) != f.charAt(1))) {
                    Phrase<T>[] alternative = lookup(key(dotted));
                    if (alternative != null) {
                        tryAll(tokens, i, alternative, sink);
                    }
                    Phrase<T>[] alternativeSingle = dotted.length() > 1 && dotted.charAt(0) != f.charAt(0)
                        ? lookup((int) dotted.charAt(0) << 16) : null;
                    if (alternativeSingle != null) {
                        tryAll(tokens, i, alternativeSingle, sink);
                    }
                }
            }
        }
    }

    private void tryAll(List<Token> tokens, int i, Phrase<T>[] phrases, MatchSink<T> sink) {
        for (Phrase<T> p : phrases) {
            int end = matchAt(tokens, i, p.words(), 0);
            if (end >= 0) {
                sink.accept(p.value(), i, end);
            }
        }
    }

    /** Index of the last token of a match of words[w..] starting at token i, or -1. */
    private static int matchAt(List<Token> tokens, int i, String[] words, int w) {
        if (w == words.length) {
            return i - 1;
        }
        String word = words[w];
        if (word.equals("~")) {
            for (int skip = 0; skip <= 2; skip++) {
                int end = matchAt(tokens, i + skip, words, w + 1);
                if (end >= 0) {
                    return end;
                }
            }
            return -1;
        }
        while (i < tokens.size() && tokens.get(i).kind() != Token.Kind.WORD) {
            if (tokens.get(i).kind() == Token.Kind.PUNCTUATION) {
                return -1; // phrases do not cross sentence punctuation
            }
            i++;
        }
        if (i >= tokens.size()) {
            return -1;
        }
        Token token = tokens.get(i);
        boolean ok = wordMatches(token.folded(), word);
        if (!ok && token.text().indexOf('I') >= 0 && token.folded().indexOf('ı') >= 0) {
            // Turkish typed without a Turkish keyboard: "IPTAL" folds to "ıptal" but means "iptal"
            ok = wordMatches(token.folded().replace('ı', 'i'), word);
        }
        return ok ? matchAt(tokens, i + 1, words, w + 1) : -1;
    }

    /** Whether folded token {@code f} matches phrase word {@code word}; no allocation unless {@code f} holds a ZWNJ. */
    private static boolean wordMatches(String f, String word) {
        boolean stem = word.charAt(word.length() - 1) == '*';
        int length = stem ? word.length() - 1 : word.length();
        if (stem ? f.regionMatches(0, word, 0, length) : f.equals(word)) {
            return true;
        }
        if (f.indexOf('\u200C') < 0) {
            return false;
        }
        String joined = f.replace("\u200C", "");
        return stem ? joined.regionMatches(0, word, 0, length) : joined.equals(word);
    }

    /** Receives matches. */
    @FunctionalInterface
    public interface MatchSink<T> {
        void accept(T value, int firstToken, int lastToken);
    }
}
