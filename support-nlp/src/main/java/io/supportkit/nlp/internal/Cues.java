package io.supportkit.nlp.internal;

import io.supportkit.nlp.IntentCue;

/**
 * Keyword phrases (English, Turkish, Persian) for anger, churn risk and intent cues, written by the supportkit
 * authors. Syntax as in {@link PhraseSet}. Immutable and thread-safe.
 */
final class Cues {

    /** Strength of an anger phrase: 1 strong ("furious"), 0.6 moderate ("frustrated"). */
    static final PhraseSet<Double> ANGER = new PhraseSet<Double>()
        .add(1.0, "angry", "furious", "outraged", "livid", "pissed", "fed up", "sick of", "sick and tired",
            "unacceptable", "ridiculous", "disgusting", "disgraceful", "pathetic", "incompetent", "useless",
            "terrible", "horrible", "awful", "worst", "hate", "scam", "fraud", "rip off", "ripoff", "wtf",
            "kızgın*", "öfke*", "sinirli*", "sinirlen*", "sinir ~ bozucu", "rezalet*", "rezil*", "berbat*", "korkunç*",
            "bıktım", "bıktık", "yeter artık", "kabul edilemez", "saçmalık*", "dolandırıcı*", "nefret*", "iğrenç*",
            "felaket*",
            "عصبانی*", "عصبی*", "کلافه*", "افتضاح*", "مزخرف*", "بدترین*", "وحشتناک*", "خسته شدم", "خسته شدیم",
            "غیرقابل قبول", "کلاهبردار*", "متنفر*", "آشغال*", "دیوونه شدم", "شاکی*")
        .add(0.6, "frustrated", "frustrating", "frustration", "annoyed", "annoying", "upset", "disappointed",
            "disappointing", "no answer", "no response", "no reply", "still waiting", "again and again", "fed",
            "hayal kırıklığı*", "hayal kırıklığına*", "yanıt alamadım", "cevap alamadım", "cevap vermiyor*",
            "hala bekliyorum", "mutsuz*", "üzgünüm", "şikayet*",
            "ناراحت*", "ناامید*", "جواب ندادید", "جوابی نگرفتم", "هنوز منتظرم", "شکایت*", "ناراضی*");

    /** Strength of a churn phrase. */
    static final PhraseSet<Double> CHURN = new PhraseSet<Double>()
        .add(1.0, "cancel ~ subscription*", "cancel ~ service*", "cancel ~ account*", "cancel ~ membership*",
            "cancel ~ contract*", "close ~ account*", "delete ~ account*", "terminate ~ account*",
            "terminate ~ contract*", "unsubscribe", "switch to ~ competitor*", "switching to", "moving to another",
            "going elsewhere", "take my business elsewhere", "never ~ buy ~ again", "never ~ order ~ again",
            "never ~ use ~ again", "leave your service", "leaving your service", "i'm leaving", "i am leaving",
            "talk to ~ manager", "speak to ~ manager", "speak with ~ manager", "talk to ~ supervisor",
            "speak to ~ supervisor", "your manager", "worst service", "worst customer service", "lawyer",
            "legal action", "chargeback",
            "iptal*", "abonelik* ~ iptal*", "hizmet* ~ iptal*", "üyeli* ~ iptal*", "hesab* ~ kapat*", "hesab* ~ sil*",
            "yönetici*", "müdür*", "yetkili* ~ görüş*", "bir daha ~ asla", "bir daha ~ almam", "bir daha ~ almayacağım",
            "başka ~ firma*", "rakip*", "avukat*", "tüketici hakem*", "en kötü hizmet",
            "لغو*", "اشتراک* ~ لغو*", "حساب* ~ ببند*", "حساب* ~ حذف*", "مدیر*", "سرپرست*", "دیگه ~ خرید نمی*",
            "دیگر ~ خرید نمی*", "شرکت دیگ*", "وکیل*", "بدترین خدمات", "بدترین پشتیبانی");

    /** Intent cues. */
    static final PhraseSet<IntentCue> INTENT = new PhraseSet<IntentCue>()
        .add(IntentCue.ORDER_STATUS, "order status", "status of my order", "status of the order", "where is my order",
            "where's my order", "track ~ order", "tracking", "has not shipped", "hasn't shipped", "not shipped",
            "sipariş durum*", "siparişim nerede", "sipariş* ~ nerede", "kargo takip*", "kargom nerede",
            "وضعیت سفارش*", "سفارش* ~ کجاست", "پیگیری سفارش*", "کد رهگیری")
        .add(IntentCue.ORDER_NUMBER, "order number", "order no", "order id", "order #", "sipariş numara*",
            "sipariş no", "شماره سفارش*", "کد سفارش*")
        .add(IntentCue.DELIVERY_DELAY, "late", "delayed", "delay", "not shipped", "has not shipped",
            "hasn't shipped", "not arrived", "hasn't arrived", "has not arrived", "not delivered", "still not",
            "gecik*", "geç kaldı", "geç geldi", "kargoya verilmedi*", "kargoya verilmedi", "teslim edilmedi",
            "gelmedi", "ulaşmadı", "sevk edilmedi", "تاخیر*", "تأخیر*", "دیر شده", "نرسیده", "ارسال نشده",
            "هنوز نرسید*")
        .add(IntentCue.REFUND, "refund", "money back", "reimburse*", "iade*", "param* ~ geri", "بازپرداخت",
            "پس دادن پول", "برگشت پول", "استرداد", "عودت")
        .add(IntentCue.CANCELLATION, "cancel*", "unsubscribe", "terminate", "iptal*", "لغو*")
        .add(IntentCue.HUMAN_AGENT, "human", "real person", "an agent", "a person", "manager", "supervisor",
            "temsilci*", "yetkili*", "müdür*", "yönetici*", "canlı destek", "اپراتور", "کارشناس", "مدیر*",
            "آدم واقعی")
        .add(IntentCue.ACCOUNT_ACCESS, "forgot ~ password", "reset ~ password", "can't log in", "cannot log in",
            "can't login", "locked out", "şifre* ~ unuttum", "şifre* ~ sıfırla*", "giriş yapamıyorum",
            "رمز* ~ فراموش*", "وارد ~ نمی\u200Cشوم", "نمی\u200Cتونم وارد")
        .add(IntentCue.PAYMENT_PROBLEM, "charged twice", "double charged", "payment failed", "payment declined",
            "overcharged", "iki kez ~ çekildi", "ödeme* ~ başarısız", "ödeme* ~ geçmedi", "ücret* ~ fazla",
            "پرداخت ناموفق", "دو بار ~ کسر", "پول* ~ کسر شد")
        .add(IntentCue.NO_RESPONSE, "no answer", "no response", "no reply", "got no answer", "still waiting",
            "nobody answered", "yanıt alamadım", "cevap alamadım", "dönüş yapılmadı", "hala bekliyorum",
            "جواب ندادید", "جوابی نگرفتم", "پاسخی دریافت نکردم", "هنوز منتظرم")
        .add(IntentCue.GREETING, "hi", "hello", "hey", "good morning", "merhaba", "selam", "iyi günler",
            "سلام", "درود", "وقت بخیر")
        .add(IntentCue.THANKS, "thanks", "thank you", "thx", "teşekkür*", "sağol*", "ممنون*", "متشکر*", "مرسی",
            "سپاس*");

    private Cues() {
    }
}
