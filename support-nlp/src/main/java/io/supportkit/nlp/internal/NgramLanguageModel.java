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
 * <p>Storage: one {@code long} per n-gram in an open-addressing table (32 bits of fingerprint, the start and
 * length of its run of entries), so a lookup touches one cache line of the table and then one run of packed
 * {@code (language << 9 | value)} shorts, all languages of that n-gram side by side; an n-gram known to 16 or
 * more languages has instead a dense row of one int per language, added with vector instructions. Immutable after loading and
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
    /** Runs at least this long are stored as dense rows (see {@link #score}). */
    private static final int DENSE_RUN = 16;
    private static final long DENSE = 1L << 31;
    private static final int COUNT_BITS = 7;
    private static final int START_BITS = 24;
    private static final int FINGERPRINT_SHIFT = 32;
    /** Letters whose n-grams are looked up together (see {@link #score}). */
    private static final int CHUNK = 32;

    private final Language[] languages;
    private final int[] floorSteps;
    /** Per language: its floor plus one back-off step, from which a known letter's score is subtracted. */
    private final int[] letterBase;
    private final long[] table;
    private final short[] entries;
    private final int[] rows;
    private final int rowLength;
    private final int mask;

    private NgramLanguageModel(Language[] languages, int[] floorSteps, long[] table, short[] entries, int[] rows) {
        this.languages = languages;
        this.floorSteps = floorSteps;
        this.letterBase = new int[floorSteps.length];
        for (int l = 0; l < floorSteps.length; l++) {
            letterBase[l] = floorSteps[l] + BACK_OFF_STEPS;
        }
        this.table = table;
        this.entries = entries;
        this.rows = rows;
        this.rowLength = languages.length;
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
        return score(word, from, to, candidateList, candidateCount, totals, newScratch());
    }

    /** A scratch array for {@link #score(char[], int, int, int[], int, int[], long[])}, for one thread. */
    static long[] newScratch() {
        return new long[CHUNK * MAX_ORDER];
    }

    /** As {@link #score(char[], int, int, int[], int, int[])}, with a {@link #newScratch} array of the caller's. */
    int score(char[] word, int from, int to, int[] candidateList, int candidateCount, int[] totals, long[] slots) {
        int terms = 0;
        int backedOff = 0;
        for (int chunk = from; chunk < to; chunk += CHUNK) {
            int chunkEnd = Math.min(to, chunk + CHUNK);
            // The table is far larger than the caches, so nearly every lookup is a miss to memory. Looked up one
            // after another (each n-gram's run read before the next n-gram is hashed) the misses queue up; here
            // all table words of a chunk are read first, then the first line of every run, so the misses of a
            // chunk are in flight together, and only then are the runs added.
            int count = 0;
            for (int i = chunk; i < chunkEnd; i++) {
                int maxOrder = Math.min(MAX_ORDER, to - i);
                long h = 0xcbf29ce484222325L;
                for (int k = 1; k <= maxOrder; k++) {
                    h = (h ^ word[i + k - 1]) * 0x100000001b3L;
                    slots[count++] = find(mix(h));
                }
            }
            int touched = 0;
            for (int s = 0; s < count; s++) {
                long slot = slots[s];
                if (slot != 0) {
                    int start = runStart(slot);
                    touched += (slot & DENSE) != 0 ? rows[start] : entries[start];
                }
            }
            int s = 0;
            for (int i = chunk; i < chunkEnd; i++) {
                int maxOrder = Math.min(MAX_ORDER, to - i);
                int next = s + maxOrder;
                for (int k = 1; k <= maxOrder; k++) {
                    long slot = slots[s + k - 1];
                    if (slot == 0) {
                        break; // no language knows this prefix, so none knows a longer n-gram starting here
                    }
                    add(slot, maxOrder + 1 - k, k == 1, candidateList, candidateCount, totals);
                }
                s = next;
                terms += maxOrder;
                backedOff += maxOrder * (maxOrder + 1) / 2;
            }
            if (touched == Integer.MIN_VALUE) {
                Thread.onSpinWait(); // never true in practice; keeps the touching reads from being removed
            }
        }
        for (int c = 0; c < candidateCount; c++) {
            int l = candidateList[c];
            totals[l] -= floorSteps[l] * terms + BACK_OFF_STEPS * backedOff;
        }
        return terms;
    }

    /** Adds one n-gram's run, counted {@code weight} times (the orders it counts for), to the totals. */
    private void add(long slot, int weight, boolean letter, int[] candidateList, int candidateCount, int[] totals) {
        int start = runStart(slot);
        // Every language of a run is added, candidate or not: a branch per entry would cost more than the
        // additions, and the caller reads only its candidates' totals.
        if ((slot & DENSE) != 0) {
            // A long run (a common letter or bigram) is a row of one value per language, 0 where the language
            // lacks the n-gram, added in one loop that the JIT turns into vector instructions; once pruning has
            // left a few candidates, only theirs.
            if (candidateCount * 4 < rowLength) {
                for (int c = 0; c < candidateCount; c++) {
                    int l = candidateList[c];
                    totals[l] += rows[start + l] * weight;
                }
            } else {
                for (int l = 0; l < rowLength; l++) {
                    totals[l] += rows[start + l] * weight;
                }
            }
            return;
        }
        int end = start + (int) (slot & ((1 << COUNT_BITS) - 1));
        if (letter) {
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

    /** Where a table word's run (or dense row) starts. */
    private static int runStart(long slot) {
        return (int) (slot >>> COUNT_BITS) & ((1 << START_BITS) - 1);
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
        // The n-grams of order k as k chars each, back to back (sorted as in the file): a tenth of the memory of
        // Strings, so that loading fits in a small heap.
        char[][] ngrams = new char[MAX_ORDER][];
        int[] ngramCounts = new int[MAX_ORDER];
        byte[][] runLanguages = new byte[MAX_ORDER][];
        byte[][] runScores = new byte[MAX_ORDER][];
        int[][] runStarts = new int[MAX_ORDER][];
        int total = 0;
        int distinct = 0;
        for (int order = 1; order <= MAX_ORDER; order++) {
            int n = in.readInt();
            char[] texts = new char[n * order];
            int[] starts = new int[n + 1];
            byte[] langs = new byte[Math.max(16, n * 4)];
            byte[] scores = new byte[langs.length];
            int size = 0;
            for (int g = 0; g < n; g++) {
                String text = in.readUTF();
                int run = in.readUnsignedByte();
                if (run == 0 || run > count || text.length() != order) {
                    throw new ConfigurationException("language model resource is corrupt: " + RESOURCE);
                }
                text.getChars(0, order, texts, g * order);
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
            ngramCounts[order - 1] = n;
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
        for (int e = 0; e < runStarts[0][ngramCounts[0]]; e++) {
            int l = runLanguages[0][e];
            floorSteps[l] = Math.max(floorSteps[l], (runScores[0][e] & 0xFF) + UNSEEN_LETTER_STEPS);
        }
        int capacity = Integer.highestOneBit(Math.max(16, distinct * 3 / 2)) << 1;
        long[] table = new long[capacity];
        short[] entries = new short[total];
        int next = 0;
        int[] rows = new int[count * 1024];
        int rowCount = 0;
        // prefixValue[j][l]: score of the longest known prefix of length <= j+1 of the current n-gram in language
        // l; prefixText[j]: the prefix those values belong to, so only a changed prefix is looked up again.
        int[][] prefixValue = new int[MAX_ORDER][count];
        int[][] prefixOrder = new int[MAX_ORDER][count];
        int[] noPrefix = new int[count];
        String[] prefixText = new String[MAX_ORDER];
        for (int order = 1; order <= MAX_ORDER; order++) {
            Arrays.fill(prefixText, null);
            char[] texts = ngrams[order - 1];
            int[] starts = runStarts[order - 1];
            byte[] langs = runLanguages[order - 1];
            byte[] scores = runScores[order - 1];
            for (int g = 0; g < ngramCounts[order - 1]; g++) {
                String text = new String(texts, g * order, order);
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
                        int[] run = lookup(ngrams[j - 1], ngramCounts[j - 1], j, runStarts[j - 1], prefix);
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
                if (starts[g + 1] - starts[g] >= DENSE_RUN) {
                    if ((rowCount + 1) * count > rows.length) {
                        rows = Arrays.copyOf(rows, rows.length * 2);
                    }
                    int row = rowCount * count;
                    if (row + count >= 1 << START_BITS) {
                        throw new ConfigurationException("language model resource has too many dense rows");
                    }
                    for (int e = starts[g]; e < starts[g + 1]; e++) {
                        int l = langs[e];
                        int score = scores[e] & 0xFF;
                        rows[row + l] = order == 1 ? floorSteps[l] + BACK_OFF_STEPS - score
                            : fallback[l] - score + (order - fallbackOrder[l]) * BACK_OFF_STEPS;
                    }
                    rowCount++;
                    insert(table, hash(text), DENSE | (long) row << COUNT_BITS);
                    continue;
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
                insert(table, hash(text), (long) start << COUNT_BITS | (next - start));
            }
        }
        return new NgramLanguageModel(languages, floorSteps, table, Arrays.copyOf(entries, next),
            Arrays.copyOf(rows, rowCount * count));
    }

    /** The entry range {start, end} of {@code ngram} among the {@code n} sorted n-grams of one order, or null. */
    private static int[] lookup(char[] texts, int n, int order, int[] starts, String ngram) {
        int low = 0;
        int high = n - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int c = 0;
            for (int i = 0; i < order && c == 0; i++) {
                c = Character.compare(texts[middle * order + i], ngram.charAt(i));
            }
            if (c < 0) {
                low = middle + 1;
            } else if (c > 0) {
                high = middle - 1;
            } else {
                return new int[] {starts[middle], starts[middle + 1]};
            }
        }
        return null;
    }

    private static void insert(long[] table, long hash, long word) {
        int mask = table.length - 1;
        int slot = (int) hash & mask;
        while (table[slot] != 0) {
            if (table[slot] >>> FINGERPRINT_SHIFT == fingerprint(hash)) {
                throw new ConfigurationException("language model has two n-grams with one fingerprint; regenerate");
            }
            slot = (slot + 1) & mask;
        }
        table[slot] = fingerprint(hash) << FINGERPRINT_SHIFT | word;
    }
}
