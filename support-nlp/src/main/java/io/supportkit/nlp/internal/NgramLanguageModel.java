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
 * <p>Scoring follows the usual back-off: at every letter, each order 1..5 counts the log-probability of the
 * longest n-gram the language knows that starts there and is no longer than that order, and a language that knows
 * not even the letter counts its floor. The model stores, per n-gram and language, not that log-probability but
 * its difference to the value the language had for the n-gram's longest known prefix (or its floor, for a
 * letter). A text's score is then the floor times the number of terms plus, for every n-gram found, that
 * difference times the number of orders it counts for: one pass over the languages that know an n-gram, with no
 * per-letter work for the languages that do not, and exact integer arithmetic in steps of 1/8 nat.
 *
 * <p>Storage: one {@code long} per n-gram in an open-addressing table (33 bits of fingerprint, the start and
 * length of its run of entries), so a lookup touches one cache line of the table and then one run of packed
 * {@code (language << 9 | value)} shorts, all languages of that n-gram side by side. Immutable after loading and
 * thread-safe.
 */
public final class NgramLanguageModel {

    static final int MAX_ORDER = 5;
    private static final String RESOURCE = "langid.bin";
    private static final int FORMAT = 2;
    /** Extra cost, in steps of 1/8 nat, of a letter the language never uses over its rarest letter (3 nats). */
    private static final int UNSEEN_LETTER_STEPS = 24;
    /**
     * Cost, in steps of 1/8 nat, of every order backed off: a language that knows the whole n-gram beats one that
     * knows only its prefix with the same conditional probability (in the spirit of Brants et al.'s "stupid
     * back-off", 2007). Two nats; compared with 0.5 to 6 nats on the language-id test lines (see RESULTS.md).
     */
    static final int BACK_OFF_STEPS = 16;
    private static final int COUNT_BITS = 7;
    private static final int START_BITS = 24;
    private static final int FINGERPRINT_SHIFT = COUNT_BITS + START_BITS;

    private final Language[] languages;
    private final int[] floorSteps;
    /** Per language: its floor plus one back-off step, from which a known letter's score is subtracted. */
    private final int[] letterBase;
    private final long[] table;
    private final short[] entries;
    private final int mask;

    private NgramLanguageModel(Language[] languages, int[] floorSteps, long[] table, short[] entries) {
        this.languages = languages;
        this.floorSteps = floorSteps;
        this.letterBase = new int[floorSteps.length];
        for (int l = 0; l < floorSteps.length; l++) {
            letterBase[l] = floorSteps[l] + BACK_OFF_STEPS;
        }
        this.table = table;
        this.entries = entries;
        this.mask = table.length - 1;
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

    /** Number of n-gram entries (n-gram and language pairs) in the model. */
    int entryCount() {
        return entries.length;
    }

    /**
     * Adds, for the first {@code candidateCount} languages of {@code candidateList}, the log-probabilities in
     * steps of 1/8 nat of all n-grams (orders 1-5, backing off to the longest known prefix, {@link
     * #BACK_OFF_STEPS} per order backed off) of the lower-case word {@code word[from, to)} to {@code totals}.
     * The totals of other languages change too but mean nothing. Returns the number of n-gram terms added.
     */
    int score(char[] word, int from, int to, int[] candidateList, int candidateCount, int[] totals) {
        int terms = 0;
        int backedOff = 0;
        for (int i = from; i < to; i++) {
            int maxOrder = Math.min(MAX_ORDER, to - i);
            long h = 0xcbf29ce484222325L;
            for (int k = 1; k <= maxOrder; k++) {
                h = (h ^ word[i + k - 1]) * 0x100000001b3L;
                long slot = find(mix(h));
                if (slot == 0) {
                    break; // no language knows this prefix, so none knows a longer n-gram starting here
                }
                int start = (int) (slot >>> COUNT_BITS) & ((1 << START_BITS) - 1);
                int end = start + (int) (slot & ((1 << COUNT_BITS) - 1));
                int weight = maxOrder + 1 - k; // the orders k..maxOrder all count this n-gram
                // Every language of the run is added, candidate or not: a branch per entry would cost more than
                // the additions, and the caller reads only its candidates' totals.
                if (k == 1) {
                    for (int e = start; e < end; e++) {
                        int entry = entries[e];
                        int l = (entry >>> 9) & 0x7F;
                        totals[l] += (letterBase[l] - (entry & 0x1FF)) * weight;
                    }
                } else {
                    for (int e = start; e < end; e++) {
                        int entry = entries[e];
                        totals[(entry >>> 9) & 0x7F] += ((entry << 23) >> 23) * weight;
                    }
                }
            }
            terms += maxOrder;
            backedOff += maxOrder * (maxOrder + 1) / 2;
        }
        for (int c = 0; c < candidateCount; c++) {
            int l = candidateList[c];
            totals[l] -= floorSteps[l] * terms + BACK_OFF_STEPS * backedOff;
        }
        return terms;
    }

    /** The table word of an n-gram's 64-bit hash, or 0 when no language knows it. */
    private long find(long hash) {
        long fingerprint = fingerprint(hash);
        int slot = (int) hash & mask;
        while (true) {
            long word = table[slot];
            if (word >>> FINGERPRINT_SHIFT == fingerprint) {
                return word;
            }
            if (word == 0) {
                return 0;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static long fingerprint(long hash) {
        long f = hash >>> FINGERPRINT_SHIFT;
        return f == 0 ? 1 : f;
    }

    /** Finalises the FNV-1a state of an n-gram into a well-mixed 64-bit hash. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    static long hash(CharSequence ngram) {
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
            return read(in);
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("language model resource unreadable: " + RESOURCE, e);
        }
    }

    /**
     * Reads the model: per order 1..5, a count and then every n-gram once (sorted) with its languages and their
     * scores (negative natural log-probability in steps of 1/8 nat, one unsigned byte). Turns each score into the
     * difference to the n-gram's longest known prefix in the same language while reading, which the sorted order
     * makes cheap: consecutive n-grams share their prefixes.
     */
    private static NgramLanguageModel read(DataInputStream in) throws IOException {
        if (in.readInt() != 0x534B4C4D || in.readInt() != FORMAT) {
            throw new ConfigurationException("language model resource has an unknown format: " + RESOURCE);
        }
        int count = in.readInt();
        if (count > 0x7F) {
            throw new ConfigurationException("language model resource has too many languages: " + count);
        }
        Language[] languages = new Language[count];
        for (int l = 0; l < count; l++) {
            languages[l] = Language.fromIsoCode(in.readUTF());
        }
        String[][] ngrams = new String[MAX_ORDER][];
        byte[][] runLanguages = new byte[MAX_ORDER][];
        byte[][] runScores = new byte[MAX_ORDER][];
        int[][] runStarts = new int[MAX_ORDER][];
        int total = 0;
        int distinct = 0;
        for (int order = 1; order <= MAX_ORDER; order++) {
            int n = in.readInt();
            String[] texts = new String[n];
            int[] starts = new int[n + 1];
            byte[] langs = new byte[Math.max(16, n * 4)];
            byte[] scores = new byte[langs.length];
            int size = 0;
            for (int g = 0; g < n; g++) {
                texts[g] = in.readUTF();
                int run = in.readUnsignedByte();
                if (run == 0 || run > count || texts[g].length() != order) {
                    throw new ConfigurationException("language model resource is corrupt: " + RESOURCE);
                }
                starts[g] = size;
                if (size + run > langs.length) {
                    langs = Arrays.copyOf(langs, (size + run) * 2);
                    scores = Arrays.copyOf(scores, langs.length);
                }
                for (int r = 0; r < run; r++) {
                    langs[size] = in.readByte();
                    scores[size] = in.readByte();
                    if (langs[size] < 0 || langs[size] >= count) {
                        throw new ConfigurationException("language model resource is corrupt: " + RESOURCE);
                    }
                    size++;
                }
            }
            starts[n] = size;
            ngrams[order - 1] = texts;
            runLanguages[order - 1] = langs;
            runScores[order - 1] = scores;
            runStarts[order - 1] = starts;
            total += size;
            distinct += n;
        }
        if (total >= 1 << START_BITS) {
            throw new ConfigurationException("language model resource is too large: " + total + " entries");
        }
        int[] floorSteps = new int[count];
        for (int e = 0; e < runStarts[0][ngrams[0].length]; e++) {
            int l = runLanguages[0][e];
            floorSteps[l] = Math.max(floorSteps[l], (runScores[0][e] & 0xFF) + UNSEEN_LETTER_STEPS);
        }
        int capacity = Integer.highestOneBit(Math.max(16, distinct * 3 / 2)) << 1;
        long[] table = new long[capacity];
        short[] entries = new short[total];
        int next = 0;
        // prefixValue[j][l]: score of the longest known prefix of length <= j+1 of the current n-gram in language
        // l; prefixText[j]: the prefix those values belong to, so only a changed prefix is looked up again.
        int[][] prefixValue = new int[MAX_ORDER][count];
        int[][] prefixOrder = new int[MAX_ORDER][count];
        int[] noPrefix = new int[count];
        String[] prefixText = new String[MAX_ORDER];
        for (int order = 1; order <= MAX_ORDER; order++) {
            Arrays.fill(prefixText, null);
            String[] texts = ngrams[order - 1];
            int[] starts = runStarts[order - 1];
            byte[] langs = runLanguages[order - 1];
            byte[] scores = runScores[order - 1];
            for (int g = 0; g < texts.length; g++) {
                String text = texts[g];
                int[] fallback = floorSteps;
                int[] fallbackOrder = noPrefix;
                for (int j = 1; j < order; j++) {
                    String prefix = text.substring(0, j);
                    if (!prefix.equals(prefixText[j - 1])) {
                        prefixText[j - 1] = prefix;
                        for (int deeper = j; deeper < MAX_ORDER; deeper++) {
                            prefixText[deeper] = null;
                        }
                        int[] values = prefixValue[j - 1];
                        int[] orders = prefixOrder[j - 1];
                        System.arraycopy(fallback, 0, values, 0, count);
                        System.arraycopy(fallbackOrder, 0, orders, 0, count);
                        int[] run = lookup(ngrams[j - 1], runStarts[j - 1], prefix);
                        if (run != null) {
                            for (int e = run[0]; e < run[1]; e++) {
                                values[runLanguages[j - 1][e]] = runScores[j - 1][e] & 0xFF;
                                orders[runLanguages[j - 1][e]] = j;
                            }
                        }
                    }
                    fallback = prefixValue[j - 1];
                    fallbackOrder = prefixOrder[j - 1];
                }
                int start = next;
                for (int e = starts[g]; e < starts[g + 1]; e++) {
                    int l = langs[e];
                    int score = scores[e] & 0xFF;
                    // Orders 2-5 keep the signed difference to the prefix (|d| <= 255, 9 bits); letters keep the
                    // raw score, whose difference to the floor the scorer takes.
                    int value = order == 1 ? score
                        : Math.max(-256, Math.min(255, fallback[l] - score + (order - fallbackOrder[l]) * BACK_OFF_STEPS));
                    entries[next++] = (short) (l << 9 | (value & 0x1FF));
                }
                insert(table, hash(text), start, next - start);
            }
        }
        return new NgramLanguageModel(languages, floorSteps, table, entries);
    }

    /** The entry range {start, end} of {@code ngram} among the sorted {@code texts} of one order, or null. */
    private static int[] lookup(String[] texts, int[] starts, String ngram) {
        int found = Arrays.binarySearch(texts, ngram);
        return found < 0 ? null : new int[] {starts[found], starts[found + 1]};
    }

    private static void insert(long[] table, long hash, int start, int length) {
        int mask = table.length - 1;
        int slot = (int) hash & mask;
        while (table[slot] != 0) {
            if (table[slot] >>> FINGERPRINT_SHIFT == fingerprint(hash)) {
                throw new ConfigurationException("language model has two n-grams with one fingerprint; regenerate");
            }
            slot = (slot + 1) & mask;
        }
        table[slot] = fingerprint(hash) << FINGERPRINT_SHIFT | (long) start << COUNT_BITS | length;
    }
}
