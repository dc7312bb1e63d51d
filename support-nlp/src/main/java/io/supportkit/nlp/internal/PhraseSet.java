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
 * start with a token's word or with a stem sharing its first two letters. Immutable and thread-safe.
 */
public final class PhraseSet<T> {

    private record Phrase<T>(String[] words, T value) {
    }

    /** Phrases by their first word, when it is a whole word. */
    private final Map<String, List<Phrase<T>>> byWord = new HashMap<>();
    /** Phrases whose first word is a stem ("iptal*"), by the stem's first two letters (or one). */
    private final Map<Integer, List<Phrase<T>>> byStemStart = new HashMap<>();
    // Copies rebuilt by add(), never changed afterwards: match() reads arrays, and the stems' table without boxing
    // an Integer. A HashMap rather than Map.copyOf: most tokens start no phrase, and a HashMap's miss compares
    // cached hashes where the immutable map's probe calls equals on every occupied slot it passes.
    private Map<String, Phrase<T>[]> wordTable = Map.of();
    private int[] tableKeys = new int[1];
    private Phrase<T>[][] tableValues = newTable(1);
    /** The {@link #key}s of the phrases' first words and stems: most tokens start no phrase. */
    private final StartFilter starts = new StartFilter();

    /** Adds {@code phrases} (already in folded form or folded here with {@code fold}) tagged with value. */
    public PhraseSet<T> add(T value, String... phrases) {
        for (String p : phrases) {
            String[] words = SecretCues.fold(p).trim().split(" +");
            String first = words[0];
            starts.add(key(first));
            if (first.endsWith("*")) {
                byStemStart.computeIfAbsent(key(first), k -> new ArrayList<>()).add(new Phrase<>(words, value));
            } else {
                byWord.computeIfAbsent(first, k -> new ArrayList<>()).add(new Phrase<>(words, value));
            }
        }
        Map<String, Phrase<T>[]> words = new HashMap<>();
        byWord.forEach((word, list) -> words.put(word, toArray(list)));
        int capacity = Integer.highestOneBit(Math.max(4, byStemStart.size() * 4));
        int[] keys = new int[capacity];
        Phrase<T>[][] values = newTable(capacity);
        for (Map.Entry<Integer, List<Phrase<T>>> e : byStemStart.entrySet()) {
            int slot = slot(e.getKey(), capacity);
            while (values[slot] != null) {
                slot = (slot + 1) & (capacity - 1);
            }
            keys[slot] = e.getKey();
            values[slot] = toArray(e.getValue());
        }
        wordTable = words;
        tableKeys = keys;
        tableValues = values;
        return this;
    }

    @SuppressWarnings("unchecked")
    private static <T> Phrase<T>[] toArray(List<Phrase<T>> list) {
        return list.toArray(new Phrase[0]);
    }

    @SuppressWarnings("unchecked")
    private static <T> Phrase<T>[][] newTable(int capacity) {
        return (Phrase<T>[][]) new Phrase[capacity][];
    }

    private static int slot(int key, int capacity) {
        return (key * 0x9E3779B9 >>> 16) & (capacity - 1);
    }

    private Phrase<T>[] stemsStartingLike(int key) {
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
            tryStarting(tokens, i, f, true, true, sink);
            if (f.indexOf('\u200C') >= 0) {
                tryAll(tokens, i, wordTable.get(f.replace("\u200C", "")), sink); // a ZWNJ the phrase leaves out
            }
            if (f.indexOf('ı') >= 0 && t.text().indexOf('I') >= 0) { // the first test is free on Latin-1 text
                // "IPTAL" typed without a Turkish keyboard; stems starting with the same letters were tried above
                // (matchAt reads the dotted form too)
                String dotted = f.replace('ı', 'i');
                tryStarting(tokens, i, dotted, dotted.charAt(0) != f.charAt(0)
                    || (dotted.length() > 1 && dotted.charAt(1) != f.charAt(1)), dotted.charAt(0) != f.charAt(0), sink);
            }
        }
    }

    /** Tries the phrases whose first word is {@code f}, or (when asked) a stem of it. */
    private void tryStarting(List<Token> tokens, int i, String f, boolean stems, boolean oneLetterStems,
                             MatchSink<T> sink) {
        int key = key(f);
        if (starts.mayContain(key)) {
            tryAll(tokens, i, wordTable.get(f), sink);
            if (stems) {
                tryAll(tokens, i, stemsStartingLike(key), sink);
            }
        }
        if (oneLetterStems && f.length() > 1 && starts.mayContain((int) f.charAt(0) << 16)) {
            tryAll(tokens, i, stemsStartingLike((int) f.charAt(0) << 16), sink);
        }
    }

    private void tryAll(List<Token> tokens, int i, Phrase<T>[] phrases, MatchSink<T> sink) {
        if (phrases == null) {
            return;
        }
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
        if (!ok && token.folded().indexOf('ı') >= 0 && token.text().indexOf('I') >= 0) {
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
