package io.supportkit.nlp;

import io.supportkit.InvalidInputException;
import java.util.Locale;

/**
 * A natural language that {@link LanguageDetector} can identify, named by its ISO 639-1 code.
 *
 * <p>{@link #UNKNOWN} stands for "not sure" (no letters, or confidence below the detector's minimum).
 * Immutable and thread-safe. Example: {@code Language.fromIsoCode("tr") == Language.TURKISH}.
 */
public enum Language {
    AFRIKAANS("af"), ARABIC("ar"), AZERBAIJANI("az"), BELARUSIAN("be"), BULGARIAN("bg"), BENGALI("bn"),
    BOSNIAN("bs"), CATALAN("ca"), CZECH("cs"), WELSH("cy"), DANISH("da"), GERMAN("de"), GREEK("el"),
    ENGLISH("en"), ESPERANTO("eo"), SPANISH("es"), ESTONIAN("et"), BASQUE("eu"), PERSIAN("fa"), FINNISH("fi"),
    FRENCH("fr"), IRISH("ga"), GUJARATI("gu"), HEBREW("he"), HINDI("hi"), CROATIAN("hr"), HUNGARIAN("hu"),
    ARMENIAN("hy"), INDONESIAN("id"), ICELANDIC("is"), ITALIAN("it"), JAPANESE("ja"), GEORGIAN("ka"),
    KAZAKH("kk"), KOREAN("ko"), LATIN("la"), GANDA("lg"), LITHUANIAN("lt"), LATVIAN("lv"), MAORI("mi"),
    MACEDONIAN("mk"), MONGOLIAN("mn"), MARATHI("mr"), MALAY("ms"), BOKMAL("nb"), DUTCH("nl"), NYNORSK("nn"),
    PUNJABI("pa"), POLISH("pl"), PORTUGUESE("pt"), ROMANIAN("ro"), RUSSIAN("ru"), SLOVAK("sk"), SLOVENE("sl"),
    SHONA("sn"), SOMALI("so"), ALBANIAN("sq"), SERBIAN("sr"), SOTHO("st"), SWEDISH("sv"), SWAHILI("sw"),
    TAMIL("ta"), TELUGU("te"), THAI("th"), TAGALOG("tl"), TSWANA("tn"), TURKISH("tr"), TSONGA("ts"),
    UKRAINIAN("uk"), URDU("ur"), VIETNAMESE("vi"), XHOSA("xh"), YORUBA("yo"), CHINESE("zh"), ZULU("zu"),
    /** Not identified with enough confidence. */
    UNKNOWN("und");

    private final String isoCode;

    Language(String isoCode) {
        this.isoCode = isoCode;
    }

    /** ISO 639-1 code ("en", "tr", "fa"); "und" for {@link #UNKNOWN}. */
    public String isoCode() {
        return isoCode;
    }

    /** Locale for locale-sensitive operations of this language (case mapping, number formats). */
    public Locale locale() {
        return this == UNKNOWN ? Locale.ROOT : Locale.forLanguageTag(isoCode);
    }

    /**
     * The language with this ISO 639-1 code (case-insensitive).
     *
     * @throws InvalidInputException when the code is null or names no supported language
     */
    public static Language fromIsoCode(String isoCode) {
        if (isoCode != null) {
            String code = isoCode.trim().toLowerCase(Locale.ROOT);
            for (Language language : values()) {
                if (language.isoCode.equals(code)) {
                    return language;
                }
            }
        }
        throw new InvalidInputException("isoCode names no supported language: " + isoCode);
    }
}
