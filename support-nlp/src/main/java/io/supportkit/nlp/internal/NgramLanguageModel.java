package io.supportkit.nlp.internal;

import io.supportkit.ConfigurationException;
import io.supportkit.nlp.Language;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The compact character n-gram model (orders 1 to 5, 75 languages) behind language identification, loaded once
 * from {@code langid.bin} in this package. The model is derived from Lingua's frequency tables (Apache-2.0); see
 * the module's NOTICE.
 *
 * <p>Storage: every n-gram is a 49-bit hash in an open-addressing table; each slot points at a run of packed
 * {@code (language << 8 | score)} shorts, where score is the negative natural log-probability in steps of 1/8.
 * About 60 MB of heap for four million entries. Immutable after loading and thread-safe.
 */
public final class NgramLanguageModel {

    static final int MAX_ORDER = 5;
    private static final String RESOURCE = "langid.bin";
    private static final long HASH_MASK = (1L << 49) - 1;

    private final Language[] languages;
    private final float[] floor;
    private final long[] keys;
    private final int[] slots;
    private final short[] entries;
    private final int mask;

    private NgramLanguageModel(Language[] languages, float[] floor, long[] keys, int[] slots, short[] entries) {
        this.languages = languages;
        this.floor = floor;
        this.keys = keys;
        this.slots = slots;
        this.entries = entries;
        this.mask = keys.length - 1;
    }

    private static final class Holder {
        static final NgramLanguageModel INSTANCE = load();
    }

    /** The shared model, loaded on first use. */
    public static NgramLanguageModel get() {
        return Holder.INSTANCE;
    }

    /** Languages of the model, indexed as in {@link #score}. */
    public Language[] languages() {
        return languages.clone();
    }

    int languageCount() {
        return languages.length;
    }

    Language language(int index) {
        return languages[index];
    }

    /** Log-probability for a language that has none of an n-gram's prefixes, not even its first letter. */
    float floor(int language) {
        return floor[language];
    }

    /**
     * Adds, for every language flagged in {@code candidates}, the log-probabilities of all n-grams (orders 1-5,
     * backing off to the longest known prefix) of the lower-case word {@code word[from, to)} to {@code totals}.
     * Returns the number of n-gram terms added per language.
     */
    int score(char[] word, int from, int to, boolean[] candidates, int[] candidateList, int candidateCount,
              double[] totals, float[] current, byte[] order) {
        int terms = 0;
        for (int i = from; i < to; i++) {
            int maxOrder = Math.min(MAX_ORDER, to - i);
            // For each language, current[l] is the value of the longest prefix found so far and order[l] the
            // order from which it counts: the sum over orders 1..maxOrder is added once per found prefix, not
            // once per order and language.
            for (int c = 0; c < candidateCount; c++) {
                int l = candidateList[c];
                current[l] = floor[l];
                order[l] = 1;
            }
            long h = 0xcbf29ce484222325L;
            for (int k = 1; k <= maxOrder; k++) {
                h = (h ^ word[i + k - 1]) * 0x100000001b3L;
                int slot = find(mix(h));
                if (slot < 0) {
                    break; // no language knows this prefix, so none knows a longer n-gram starting here
                }
                int packed = slots[slot];
                int start = packed >>> 7;
                int count = packed & 0x7F;
                for (int e = start; e < start + count; e++) {
                    short entry = entries[e];
                    int l = (entry >>> 8) & 0x7F;
                    if (candidates[l]) {
                        totals[l] += current[l] * (k - order[l]);
                        current[l] = -(entry & 0xFF) / 8.0f;
                        order[l] = (byte) k;
                    }
                }
            }
            for (int c = 0; c < candidateCount; c++) {
                int l = candidateList[c];
                totals[l] += current[l] * (maxOrder + 1 - order[l]);
            }
            terms += maxOrder;
        }
        return terms;
    }

    private int find(long key) {
        int slot = (int) (key ^ (key >>> 29)) & mask;
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return slot;
            }
            if (k == 0) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** 49-bit non-zero hash of the FNV-1a state of an n-gram. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        long k = h & HASH_MASK;
        return k == 0 ? 1 : k;
    }

    static long hash(String ngram) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < ngram.length(); i++) {
            h = (h ^ ngram.charAt(i)) * 0x100000001b3L;
        }
        return mix(h);
    }

    private static NgramLanguageModel load() {
        try (InputStream raw = NgramLanguageModel.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new ConfigurationException("language model resource missing: " + RESOURCE);
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
            if (in.readInt() != 0x534B4C4D || in.readInt() != 1) {
                throw new ConfigurationException("language model resource has an unknown format: " + RESOURCE);
            }
            int count = in.readInt();
            Language[] languages = new Language[count];
            for (int l = 0; l < count; l++) {
                languages[l] = Language.fromIsoCode(in.readUTF());
            }
            float[] floor = new float[count];
            long[] combined = new long[1 << 22];
            int size = 0;
            for (int l = 0; l < count; l++) {
                int worstUnigram = 0;
                for (int order = 1; order <= MAX_ORDER; order++) {
                    int n = in.readInt();
                    for (int e = 0; e < n; e++) {
                        String ngram = in.readUTF();
                        int score = in.readUnsignedByte();
                        if (order == 1) {
                            worstUnigram = Math.max(worstUnigram, score);
                        }
                        if (size == combined.length) {
                            combined = Arrays.copyOf(combined, size * 2);
                        }
                        combined[size++] = (hash(ngram) << 15) | ((long) l << 8) | score;
                    }
                }
                // A letter the language never uses costs more than its rarest letter.
                floor[l] = -(worstUnigram / 8.0f) - 3.0f;
            }
            Arrays.sort(combined, 0, size);
            int distinct = 0;
            for (int i = 0; i < size; i++) {
                if (i == 0 || (combined[i] >>> 15) != (combined[i - 1] >>> 15)) {
                    distinct++;
                }
            }
            int capacity = Integer.highestOneBit(Math.max(16, distinct * 3 / 2)) << 1;
            long[] keys = new long[capacity];
            int[] slots = new int[capacity];
            short[] entries = new short[size];
            NgramLanguageModel model = new NgramLanguageModel(languages, floor, keys, slots, entries);
            int i = 0;
            while (i < size) {
                long key = combined[i] >>> 15;
                int j = i;
                while (j < size && (combined[j] >>> 15) == key && j - i < 0x7F) {
                    entries[j] = (short) (combined[j] & 0x7FFF);
                    j++;
                }
                int slot = (int) (key ^ (key >>> 29)) & model.mask;
                while (keys[slot] != 0) {
                    slot = (slot + 1) & model.mask;
                }
                keys[slot] = key;
                slots[slot] = (i << 7) | (j - i);
                while (j < size && (combined[j] >>> 15) == key) {
                    j++; // same n-gram twice in one language cannot happen; guards a corrupt file
                }
                i = j;
            }
            return model;
        } catch (IOException e) {
            throw new ConfigurationException("language model resource unreadable: " + RESOURCE, e);
        }
    }
}
