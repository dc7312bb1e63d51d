package io.supportkit.nlp.internal.eval;

import io.supportkit.nlp.Language;
import io.supportkit.nlp.LanguageDetector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Command-line evaluation of support-nlp on files in the formats of the shared data:
 * <pre>
 * eval langid &lt;langid dir&gt; [iso,iso,...]
 * eval sentiment &lt;file&gt; vader|sentipers|xed [iso]
 * eval anger &lt;xed file&gt; [iso]
 * eval pii [values per type]
 * </pre>
 * Run: {@code mvn -q -pl support-nlp -am compile exec:java -Dnlp.eval.skip=false -Dexec.args="eval sentiment <file> vader en"}.
 */
public final class EvalCommand {

    private EvalCommand() {
    }

    public static void main(String[] args) throws IOException {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        if (!a.isEmpty() && a.get(0).equals("eval")) {
            a.remove(0);
        }
        if (a.isEmpty()) {
            usage();
            return;
        }
        switch (a.get(0)) {
            case "langid" -> {
                Path root = Path.of(a.get(1));
                List<String> languages = languages(root, a.size() > 2 ? a.get(2) : null);
                LanguageDetector detector = LanguageDetector.newBuilder().build();
                Map<String, Function<String, String>> detectors = new LinkedHashMap<>();
                detectors.put("supportkit", s -> detector.detect(s).language().isoCode());
                LanguageIdEvaluation.print(LanguageIdEvaluation.run(root, languages, detectors), languages,
                    List.of("en", "tr", "fa", "ar", "az", "ur", "de", "fr", "es", "ru"), System.out);
            }
            case "sentiment" -> SentimentEvaluation.run(Path.of(a.get(1)), a.get(2),
                Language.fromIsoCode(a.size() > 3 ? a.get(3) : "en"), System.out);
            case "anger" -> SentimentEvaluation.run(Path.of(a.get(1)), "anger",
                Language.fromIsoCode(a.size() > 2 ? a.get(2) : "en"), System.out);
            case "pii" -> PiiEvaluation.run(a.size() > 1 ? Integer.parseInt(a.get(1)) : 1_000, System.out);
            default -> usage();
        }
    }

    /** Languages of the directory that the model supports, optionally restricted to a comma-separated list. */
    public static List<String> languages(Path root, String only) throws IOException {
        Set<String> supported = new HashSet<>();
        for (Language l : Language.values()) {
            supported.add(l.isoCode());
        }
        List<String> languages = new ArrayList<>(LanguageIdEvaluation.languages(root));
        languages.removeIf(l -> !supported.contains(l));
        if (only != null) {
            Set<String> keep = Set.of(only.split(","));
            languages.removeIf(l -> !keep.contains(l));
        }
        return languages;
    }

    private static void usage() {
        System.out.println("usage: eval langid <dir> [iso,...] | eval sentiment <file> vader|sentipers|xed [iso]"
            + " | eval anger <xed file> [iso] | eval pii [n]");
    }
}
