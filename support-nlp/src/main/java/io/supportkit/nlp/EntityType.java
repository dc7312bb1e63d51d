package io.supportkit.nlp;

/**
 * Kinds of {@link Entity} that {@link TextAnalyzer} extracts.
 *
 * <p>Example: {@code analysis.entities(EntityType.ORDER_NUMBER)}.
 */
public enum EntityType {
    /** An order number in one of the host's {@link OrderNumberFormat}s, or after "order number" cues. */
    ORDER_NUMBER,
    /** An e-mail address. */
    EMAIL,
    /** A phone number (international, Turkish +90, Iranian +98, or national with a leading 0). */
    PHONE,
    /** An amount with its currency ("$12.50", "150 TL", "۲۰۰ هزار تومان"); value "12.50 USD". */
    MONEY,
    /** A calendar date ("1 August", "1 Ağustos", "۱ مرداد", "2024-08-01"); value ISO "--08-01" or "2024-08-01". */
    DATE,
    /** A date or delay relative to now ("yesterday", "4 days late", "dün", "دیروز"); value an ISO period "-P1D". */
    RELATIVE_DATE,
    /** A product name from the host's product list; value the name as listed. */
    PRODUCT
}
