package io.supportkit.benchmarks.nlp;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.supportkit.nlp.internal.eval.EvalCommand;
import io.supportkit.nlp.internal.eval.LanguageIdEvaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Language-identification accuracy of supportkit and Lingua 1.2.2 (high- and low-accuracy modes, all 75
 * languages, preloaded) on the same {@code langid/} lines in one run, per language and line length, with the
 * close-language confusion. Needs about 3 GB of heap for Lingua.
 *
 * <p>Run: {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar
 * io.supportkit.benchmarks.nlp.LanguageIdComparison ../shared/data/langid}
 */
public final class LanguageIdComparison {

    private LanguageIdComparison() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/data/langid");
        List<String> languages = EvalCommand.languages(root, args.length > 1 ? args[1] : null);
        io.supportkit.nlp.LanguageDetector ours = io.supportkit.nlp.LanguageDetector.newBuilder().build();
        LanguageDetector high = LanguageDetectorBuilder.fromAllLanguages().withPreloadedLanguageModels().build();
        LanguageDetector low = LanguageDetectorBuilder.fromAllLanguages().withLowAccuracyMode()
            .withPreloadedLanguageModels().build();
        Map<String, Function<String, String>> detectors = new LinkedHashMap<>();
        detectors.put("supportkit", s -> ours.detect(s).language().isoCode());
        detectors.put("Lingua high", s -> iso(high.detectLanguageOf(s)));
        detectors.put("Lingua low", s -> iso(low.detectLanguageOf(s)));
        var results = LanguageIdEvaluation.run(root, languages, detectors);
        List<String> highlight = new ArrayList<>(List.of("en", "tr", "fa", "ar", "az", "ur", "de", "fr", "es", "ru"));
        LanguageIdEvaluation.print(results, languages, highlight, System.out);
    }

    static String iso(Language language) {
        return language == Language.UNKNOWN ? "und" : language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    }
}
