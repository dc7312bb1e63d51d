package io.supportkit.core;

import io.supportkit.SupportException;
import net.jqwik.api.statistics.Statistics;

import java.util.SplittableRandom;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Damages a JSON configuration file the way hand edits do, for properties of the loaders. */
public final class JsonDamage {
    /** Pieces a hand-edited file gets wrong: other types, other numbers, broken times and dates, broken JSON. */
    private static final String[] PIECES = {
        "", "\"\"", "null", "true", "0", "-1", "1e999", "99999999999999999999", "[]", "{}", "[null]", "{\"a\":1}",
        "\"25:00-26:00\"", "\"09:00-09:00\"", "\"12:00-08:00\"", "\"24:00-01:00\"", "\"2027-02-30\"", "\"13-45\"",
        "\"-P1D\"", "\"PT-5M\"", "\"P9999999999D\"", "\"PT0S\"", "\"Mars/Olympus\"", "\"+99:00\"", "\"NOPE\"",
        "\"\\ud800\"", "\"\\u0000\"", ",", ":", "]", "}", "\"", "\\", "[[[[", "1.5", "-0.5", "2", "NaN"};

    /** Replaces a value, a token or a stretch of the text with one of the pieces, or cuts the text short. */
    public static String damage(String json, long seed, int damages) {
        SplittableRandom random = new SplittableRandom(seed);
        String text = json;
        for (int d = 0; d < damages && !text.isEmpty(); d++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> { // a quoted value or a number replaced
                    int start = text.indexOf(':', at);
                    if (start < 0) {
                        break;
                    }
                    int end = start + 1;
                    while (end < text.length() && ",}]\n".indexOf(text.charAt(end)) < 0) {
                        end++;
                    }
                    text = text.substring(0, start + 1) + " " + PIECES[random.nextInt(PIECES.length)]
                            + text.substring(end);
                }
                case 1 -> { // a string element replaced inside an array
                    int start = text.indexOf('"', at);
                    int end = start < 0 ? -1 : text.indexOf('"', start + 1);
                    if (end < 0) {
                        break;
                    }
                    text = text.substring(0, start) + PIECES[random.nextInt(PIECES.length)] + text.substring(end + 1);
                }
                case 2 -> { // a stretch deleted
                    int end = Math.min(text.length(), at + 1 + random.nextInt(12));
                    text = text.substring(0, at) + text.substring(end);
                }
                default -> text = text.substring(0, at); // cut short
            }
        }
        return text;
    }

    /**
     * Loads the text and checks the loader's contract for bad files: a result, or one of our typed exceptions with a
     * message; anything else thrown fails the property. Collects which of the two happened, for jqwik's report.
     */
    public static void loadsOrIsRejectedWithATypedException(String json, Function<String, Object> load) {
        try {
            assertThat(load.apply(json)).isNotNull();
            Statistics.collect("loaded");
        } catch (SupportException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            Statistics.collect(expected.getClass().getSimpleName());
        }
    }

    private JsonDamage() {
    }
}
