package io.supportkit.nlp.internal;

import io.supportkit.nlp.IntentCue;
import io.supportkit.nlp.Language;
import io.supportkit.nlp.Sentiment;
import io.supportkit.nlp.SentimentLabel;
import io.supportkit.nlp.Token;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule-based sentiment after VADER (Hutto and Gilbert 2014), extended to Turkish and Persian: lexicon valences,
 * boosters and dampeners in the three preceding words, negation before the word (English) or after it (Turkish
 * "değil", Persian "نیست") and Turkish negative verb suffixes, "but" clauses (x0.5 before, x1.5 after), ALL CAPS
 * emphasis, "!" and "?" emphasis, emoji and emoticons; the compound score is {@code s / sqrt(s^2 + 15)}.
 * Anger and churn risk add keyword phrases to the score. Stateless and thread-safe.
 */
public final class SentimentScorer {

    private static final float B_INCR = 0.293f;
    private static final float C_INCR = 0.733f;
    private static final float N_SCALAR = -0.74f;
    private static final double ALPHA = 15.0;

    private static final Map<String, Float> BOOSTERS = boosters();
    private static final Set<String> NEGATORS_BEFORE = Set.of("aint", "arent", "cannot", "cant", "couldnt",
        "darent", "didnt", "doesnt", "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont",
        "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't",
        "isn't", "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing",
        "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't",
        "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
        "بدون");
    // Not negators: Turkish "hiç"/"asla" and Persian "هیچ"/"هرگز" go with a verb that is already negative.
    private static final Set<String> NEGATORS_AFTER = Set.of("değil", "değildi", "değilim", "değiliz", "değilsiniz",
        "değildir", "yok", "yoktu", "olmadı", "olmaz", "olmuyor", "نیست", "نبود", "نیستم", "نیستند", "نه", "نشد",
        "نشده", "ندارد", "نداره", "ندارم", "نکرد", "نکردم", "نمی\u200Cشود", "نمیشه", "نمی\u200Cشه", "نبوده");
    private static final Set<String> BUT = Set.of("but", "ama", "fakat", "ancak", "lakin", "ولی", "اما", "لیکن");
    private static final Set<String> ANGRY_EMOJI = Set.of("😡", "🤬", "😠", "👿", "💢", "😤", "🖕");

    private final SentimentLexicon lexicon = SentimentLexicon.get();

    /** Sentiment of tokens produced by {@link io.supportkit.nlp.Tokenizer} for {@code language}. */
    public Sentiment score(List<Token> tokens, Language language) {
        Map<String, Float> words = lexicon.forLanguage(language);
        boolean turkish = language == Language.TURKISH || language == Language.AZERBAIJANI;
        boolean persian = language == Language.PERSIAN || language == Language.URDU || language == Language.ARABIC;
        int n = tokens.size();
        boolean mixedCaps = mixedCaps(tokens);
        float[] valence = new float[n];
        int butIndex = -1;
        int exclamations = 0;
        int questions = 0;
        int shouting = 0;
        boolean angryEmoji = false;
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            switch (t.kind()) {
                case PUNCTUATION -> {
                    exclamations += count(t.text(), '!');
                    questions += count(t.text(), '?') + count(t.text(), '؟');
                    continue;
                }
                case EMOJI, EMOTICON -> {
                    Float v = t.kind() == Token.Kind.EMOJI ? emojiValence(t.text()) : lexicon.english.get(t.text());
                    angryEmoji |= ANGRY_EMOJI.contains(t.text()) || ">:(".equals(t.text());
                    valence[i] = v == null ? 0f : v;
                    continue;
                }
                case NUMBER -> {
                    continue;
                }
                default -> {
                }
            }
            String f = t.folded();
            if (BUT.contains(f)) {
                if (butIndex < 0) {
                    butIndex = i; // VADER weighs around the first "but"
                }
                continue;
            }
            if (f.equals("no") && nextWordInLexicon(tokens, i, words)) {
                continue; // "no problem": "no" negates the next word instead of counting itself
            }
            if (BOOSTERS.containsKey(f)) {
                continue;
            }
            Float base = words.get(f);
            boolean negatedBySuffix = false;
            if (base == null && (turkish || persian || f.indexOf('\'') > 0)) {
                boolean[] flag = new boolean[1];
                base = lookup(words, f, turkish, persian, flag);
                if (base == null && turkish && t.text().indexOf('I') >= 0) {
                    // "IPTAL", "REZIL": capitals typed without a Turkish keyboard mean i, not ı
                    base = lookup(words, f.replace('ı', 'i'), true, false, flag);
                }
                negatedBySuffix = flag[0];
            }
            if (base == null || base == 0f) {
                continue;
            }
            float v = base;
            boolean shout = t.isShouting();
            if (shout) {
                shouting++;
            }
            if (shout && mixedCaps) {
                v += v > 0 ? C_INCR : -C_INCR;
            }
            int seen = 0;
            for (int j = i - 1; j >= 0 && seen < 3; j--) {
                Token p = tokens.get(j);
                if (p.kind() == Token.Kind.PUNCTUATION) {
                    break; // unlike VADER, a negation or booster does not reach across a sentence end
                }
                if (p.kind() != Token.Kind.WORD) {
                    seen++;
                    continue;
                }
                if (p.folded().equals("no") && (seen == 0 || seen == 1)) {
                    v *= N_SCALAR;
                }
                Float boost = BOOSTERS.get(p.folded());
                if (boost != null) {
                    float s = v > 0 ? boost : -boost;
                    if (p.isShouting() && mixedCaps) {
                        s += v > 0 ? C_INCR : -C_INCR;
                    }
                    v += s * (seen == 0 ? 1f : seen == 1 ? 0.95f : 0.9f);
                }
                if (isNegator(p.folded())) {
                    v *= N_SCALAR;
                }
                seen++;
            }
            if (negatedBySuffix || negatedAfter(tokens, i)) {
                v *= N_SCALAR;
            }
            valence[i] = v;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float v = valence[i];
            if (butIndex >= 0) {
                v *= i < butIndex ? 0.5f : i > butIndex ? 1.5f : 1f;
            }
            sum += v;
        }
        if (sum != 0) {
            double emphasis = Math.min(exclamations, 4) * 0.292;
            if (questions > 1) {
                emphasis += questions <= 3 ? questions * 0.18 : 0.96;
            }
            sum += sum > 0 ? emphasis : -emphasis;
        }
        double compound = sum / Math.sqrt(sum * sum + ALPHA);
        compound = Math.max(-1.0, Math.min(1.0, compound));
        double[] anger = {0};
        Cues.ANGER.match(tokens, (w, a, b) -> anger[0] += w);
        double angerScore = 0.45 * Math.min(1.0, anger[0]) + 0.35 * Math.max(0, -compound)
            + (shouting >= 2 ? 0.15 : 0) + (exclamations >= 2 ? 0.1 : 0) + (angryEmoji ? 0.4 : 0);
        double[] churn = {0};
        Cues.CHURN.match(tokens, (w, a, b) -> churn[0] = Math.max(churn[0], w));
        double churnScore = churn[0] > 0 ? 0.6 * churn[0] + 0.25 * Math.max(0, -compound) + 0.15 * Math.min(1, angerScore)
            : 0.3 * Math.min(1, angerScore) * Math.max(0, -compound);
        return new Sentiment(compound, SentimentLabel.of(compound), clamp(angerScore), clamp(churnScore));
    }

    /** Intent cues found in the tokens. */
    public Set<IntentCue> cues(List<Token> tokens) {
        EnumSet<IntentCue> cues = EnumSet.noneOf(IntentCue.class);
        Cues.INTENT.match(tokens, (cue, a, b) -> cues.add(cue));
        return cues;
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }

    private Float emojiValence(String emoji) {
        Float v = lexicon.emoji.get(emoji);
        if (v == null && emoji.length() > 2) {
            v = lexicon.emoji.get(emoji.substring(0, Character.charCount(emoji.codePointAt(0))));
        }
        return v;
    }

    /** Exact word, then for Turkish the longest stem of at least four letters, for Persian common suffixes. */
    private static Float lookup(Map<String, Float> words, String f, boolean turkish, boolean persian, boolean[] negated) {
        Float v = words.get(f);
        if (v != null) {
            return v;
        }
        if (turkish && f.length() > 4) {
            for (int len = f.length() - 1; len >= 4; len--) {
                v = words.get(f.substring(0, len));
                if (v != null) {
                    negated[0] = isTurkishNegativeSuffix(f, len);
                    return v;
                }
            }
            return null;
        }
        if (persian) {
            int zwnj = f.indexOf('\u200C');
            if (zwnj > 1) {
                v = words.get(f.substring(0, zwnj));
                if (v != null) {
                    return v;
                }
                v = words.get(f.replace("\u200C", ""));
                if (v != null) {
                    return v;
                }
            }
            for (String suffix : new String[] {"ترین", "های", "تر", "ها", "ه", "ی", "م", "ن", "ش", "ت"}) {
                if (f.length() > suffix.length() + 1 && f.endsWith(suffix)) {
                    v = words.get(f.substring(0, f.length() - suffix.length()));
                    if (v != null) {
                        return v;
                    }
                }
            }
            if (f.length() > 3 && f.charAt(0) == 'ن') {
                String rest = f.startsWith("نمی") ? f.substring(3).replace("\u200C", "") : f.substring(1);
                v = words.get(rest);
                if (v != null) {
                    negated[0] = true;
                    return v;
                }
            }
            return null;
        }
        if (!turkish && !persian && f.length() > 3 && f.indexOf('\'') > 0) {
            return words.get(f.substring(0, f.indexOf('\'')));
        }
        return null;
    }

    /** "beğen|medim", "sev|mez": a verb stem followed by the negative -ma/-me (not the infinitive -mak/-mek). */
    private static boolean isTurkishNegativeSuffix(String word, int stemLength) {
        String suffix = word.substring(stemLength);
        if (!(suffix.startsWith("ma") || suffix.startsWith("me"))) {
            return false;
        }
        if (suffix.startsWith("mak") || suffix.startsWith("mek") || suffix.startsWith("malı") || suffix.startsWith("meli")) {
            return false;
        }
        return suffix.length() == 2 || "dzynsklm".indexOf(suffix.charAt(2)) >= 0;
    }

    private static boolean nextWordInLexicon(List<Token> tokens, int i, Map<String, Float> words) {
        for (int j = i + 1; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.kind() == Token.Kind.WORD) {
                return words.containsKey(t.folded());
            }
            if (t.kind() != Token.Kind.PUNCTUATION) {
                return false;
            }
        }
        return false;
    }

    private static boolean isNegator(String folded) {
        return NEGATORS_BEFORE.contains(folded) || (folded.endsWith("n't") && folded.length() > 3);
    }

    private static boolean negatedAfter(List<Token> tokens, int i) {
        int seen = 0;
        for (int j = i + 1; j < tokens.size() && seen < 2; j++) {
            Token t = tokens.get(j);
            if (t.kind() != Token.Kind.WORD) {
                if (t.kind() == Token.Kind.PUNCTUATION) {
                    return false;
                }
                continue;
            }
            if (NEGATORS_AFTER.contains(t.folded())) {
                return true;
            }
            seen++;
        }
        return false;
    }

    private static boolean mixedCaps(List<Token> tokens) {
        int shouting = 0;
        int words = 0;
        for (Token t : tokens) {
            if (t.kind() == Token.Kind.WORD) {
                words++;
                if (t.isShouting()) {
                    shouting++;
                }
            }
        }
        return shouting > 0 && shouting < words;
    }

    private static int count(String s, char c) {
        int k = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                k++;
            }
        }
        return k;
    }

    private static Map<String, Float> boosters() {
        Map<String, Float> m = new java.util.HashMap<>();
        for (String w : List.of("absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
            "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially", "exceptional",
            "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking",
            "fricking", "frickin", "frigging", "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly",
            "hella", "highly", "hugely", "incredible", "incredibly", "intensely", "major", "majorly", "more", "most",
            "particularly", "purely", "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total",
            "totally", "tremendous", "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very",
            "çok", "aşırı", "gerçekten", "son derece", "fazlasıyla", "tamamen", "resmen", "cidden", "epey",
            "خیلی", "بسیار", "واقعا", "واقعاً", "کاملا", "کاملاً", "شدیدا", "شدیداً", "فوق", "اصلا")) {
            m.put(SecretCues.fold(w), B_INCR);
        }
        for (String w : List.of("almost", "barely", "hardly", "kinda", "kindof", "kind-of", "less", "little",
            "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight", "slightly",
            "somewhat", "sorta", "sortof", "sort-of", "biraz", "az", "kısmen", "کمی", "یکم", "نسبتا", "نسبتاً")) {
            m.put(SecretCues.fold(w), -B_INCR);
        }
        return Map.copyOf(m);
    }
}
