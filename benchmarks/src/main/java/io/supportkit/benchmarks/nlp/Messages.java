package io.supportkit.benchmarks.nlp;

import java.util.ArrayList;
import java.util.List;

/** Realistic support-chat messages in English, Turkish and Persian, skewed towards English like real traffic. */
final class Messages {

    static final String[] EN = {
        "Hi, I ordered on 1 August but I see it has not shipped. It is now 4 days late. Can you tell me the order status? My order number is 245-12784.",
        "I messaged your support team 2 days ago and got no answer. I'm frustrated, now I have to work over the weekend and my boss is angry.",
        "Thanks a lot, the replacement arrived today and it works perfectly :) You guys are great!",
        "My card 4111 1111 1111 1111 was charged twice for the same order, please refund one of the payments asap",
        "Can I change the delivery address? I moved last week. New address is 12 Baker Street, call me on +44 20 7946 0958",
        "The app keeps crashing when I open my video library. I can't find my video anymore. This is really annoying!!!",
        "What are your opening hours on Sunday? I need to return a pair of shoes that are too small."};
    static final String[] TR = {
        "Merhaba, 1 Ağustos'ta sipariş verdim ancak kargoya verilmediğini görüyorum. Şimdi 4 gün gecikti. Sipariş numaram 245-12784.",
        "Destek ekibiniz korkunç. Yönetime sizinle olan hizmetimizi iptal etmesini söylemeyi düşünüyorum.",
        "Çok teşekkür ederim, ürün bugün elime ulaştı ve gayet güzel çalışıyor."};
    static final String[] FA = {
        "سلام، ۱ مرداد سفارش دادم ولی هنوز ارسال نشده. الان ۴ روز تاخیر داره. شماره سفارش من ۲۴۵-۱۲۷۸۴ است.",
        "دو روز پیش به پشتیبانی پیام دادم و جوابی نگرفتم. خیلی عصبانی هستم. پشتیبانی شما افتضاح است.",
        "خیلی ممنون، محصول امروز رسید و عالی کار می‌کنه."};

    private Messages() {
    }

    /** Messages of about {@code length} characters (whole messages joined, then cut at a space). */
    static List<String> ofLength(int length, int count) {
        List<String> all = new ArrayList<>();
        for (String s : EN) {
            all.add(s);
            all.add(s);
        }
        all.addAll(List.of(TR));
        all.addAll(List.of(FA));
        List<String> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder();
            int k = i;
            while (b.length() < length) {
                b.append(all.get(k++ % all.size())).append(' ');
            }
            String s = b.substring(0, length);
            int space = s.lastIndexOf(' ');
            result.add(space > length / 2 ? s.substring(0, space) : s);
        }
        return result;
    }

    /** Short chat lines of about {@code length} characters, cut at word boundaries from the messages. */
    static List<String> chatLines(int length, int count) {
        List<String> all = new ArrayList<>(List.of(EN));
        all.addAll(List.of(TR));
        all.addAll(List.of(FA));
        List<String> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String m = all.get(i % all.size());
            int start = (i * 7) % Math.max(1, m.length() - length);
            int space = m.indexOf(' ', start);
            start = space < 0 ? 0 : space + 1;
            int end = Math.min(m.length(), start + length);
            result.add(m.substring(start, end).trim());
        }
        return result;
    }
}
