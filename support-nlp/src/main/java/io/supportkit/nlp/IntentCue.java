package io.supportkit.nlp;

/**
 * Keyword cues of what a customer wants, found in English, Turkish and Persian; an engine uses them to make an
 * auto-reply address the stated problem (R1). Cues are evidence, not a classifier's verdict.
 *
 * <p>Example: the S1 order-status message gives ORDER_STATUS, ORDER_NUMBER and DELIVERY_DELAY.
 */
public enum IntentCue {
    /** "order status", "where is my order", "sipariş durumu", "وضعیت سفارش". */
    ORDER_STATUS,
    /** An order number was given (an ORDER_NUMBER entity or "my order number is ..."). */
    ORDER_NUMBER,
    /** "not shipped", "late", "kargoya verilmedi", "gecikti", "تاخیر". */
    DELIVERY_DELAY,
    /** "refund", "iade", "بازپرداخت". */
    REFUND,
    /** "cancel my subscription", "iptal", "لغو". */
    CANCELLATION,
    /** "talk to a human", "your manager", "yetkili", "مدیر". */
    HUMAN_AGENT,
    /** "forgot my password", "şifremi unuttum", "رمزم را فراموش کردم". */
    ACCOUNT_ACCESS,
    /** "charged twice", "payment failed", "ödeme", "پرداخت". */
    PAYMENT_PROBLEM,
    /** "no answer", "still waiting", "yanıt alamadım", "جواب ندادید". */
    NO_RESPONSE,
    /** A greeting only: "hi", "merhaba", "سلام". */
    GREETING,
    /** "thank you", "teşekkürler", "ممنون". */
    THANKS
}
