package io.supportkit.nlp;

/**
 * Kinds of sensitive data that {@link Redactor} finds (R9). Numbers count only when their checksum holds, so
 * order numbers and other digit strings are left alone.
 *
 * <p>Example: {@code Redactor.newBuilder().mode(PiiType.EMAIL, RedactionMode.HASH)}.
 */
public enum PiiType {
    /** Payment card number, 13-19 digits, Luhn-valid, with or without spaces or dashes. */
    CARD_NUMBER,
    /** IBAN with a valid mod-97 checksum (TR and IR lengths and any other country's). */
    IBAN,
    /** Turkish national identity number (TC Kimlik No), 11 digits with both check digits valid. */
    TC_KIMLIK,
    /** Iranian national code (کد ملی), 10 digits with a valid check digit. */
    IRAN_NATIONAL_CODE,
    /** E-mail address. */
    EMAIL,
    /** Phone number: international (+CC) or a national number starting with 0 (Turkish, Iranian, ...). */
    PHONE,
    /** A password offered in the text ("my password is hunter2", "şifrem ...", "رمزم ..."). */
    PASSWORD,
    /** A one-time or verification code offered in the text ("the code is 482913", "doğrulama kodu ..."). */
    ONE_TIME_CODE
}
