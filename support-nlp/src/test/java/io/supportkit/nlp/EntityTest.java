package io.supportkit.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportkit.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTest {

    private static List<Entity> entities(String text, EntityType type) {
        return SharedAnalyzer.ANALYZER.analyze(text).entities(type);
    }

    @Test
    void shouldFindDefaultOrderNumberFormatsInAnyDigits() {
        assertThat(entities("My order number is 245-12784.", EntityType.ORDER_NUMBER)).extracting(Entity::value)
            .containsExactly("245-12784");
        assertThat(entities("sipariş #A1234567 nerede?", EntityType.ORDER_NUMBER)).extracting(Entity::value)
            .containsExactly("#A1234567");
        assertThat(entities("سفارش ۲۴۵-۱۲۷۸۴ کجاست؟", EntityType.ORDER_NUMBER)).singleElement()
            .satisfies(e -> {
                assertThat(e.text()).isEqualTo("۲۴۵-۱۲۷۸۴");
                assertThat(e.value()).isEqualTo("245-12784");
            });
    }

    @Test
    void shouldFindOrderNumbersAfterCuesWhateverTheirShape() {
        assertThat(entities("my order number is XK-99812", EntityType.ORDER_NUMBER)).extracting(Entity::value)
            .containsExactly("XK-99812");
        assertThat(entities("Sipariş numaram 55512345", EntityType.ORDER_NUMBER)).extracting(Entity::value)
            .containsExactly("55512345");
    }

    @Test
    void shouldUseTheHostsOrderNumberFormats() {
        TextAnalyzer analyzer = TextAnalyzer.newBuilder()
            .orderNumberFormats(List.of(OrderNumberFormat.of("SO-99999999"))).build();
        assertThat(analyzer.analyze("Where is SO-12345678?").entities(EntityType.ORDER_NUMBER))
            .extracting(Entity::value).containsExactly("SO-12345678");
        assertThat(analyzer.analyze("Where is 245-12784?").entities(EntityType.ORDER_NUMBER)).isEmpty();
    }

    @Test
    void shouldRejectUselessOrderNumberTemplates() {
        assertThatThrownBy(() -> OrderNumberFormat.of("---")).isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("---");
    }

    @Test
    void shouldFindEmailsAndPhonesWithNormalisedValues() {
        String text = "mail Ali@Example.com or call +90 (532) 123 45 67 / ۰۹۱۲ ۳۴۵ ۶۷۸۹";
        assertThat(entities(text, EntityType.EMAIL)).extracting(Entity::value).containsExactly("ali@example.com");
        assertThat(entities(text, EntityType.PHONE)).extracting(Entity::value)
            .containsExactly("+905321234567", "09123456789");
    }

    @Test
    void shouldFindMoneyWithCurrency() {
        assertThat(entities("I paid $12.50 and 1.250,00 TL and €3", EntityType.MONEY)).extracting(Entity::value)
            .containsExactly("12.50 USD", "1250.00 TRY", "3 EUR");
        assertThat(entities("۲۰۰ هزار تومان پرداخت کردم", EntityType.MONEY)).extracting(Entity::value)
            .containsExactly("200000 IRT");
    }

    @Test
    void shouldFindDatesInEnglishTurkishAndPersian() {
        assertThat(entities("ordered on 1 August", EntityType.DATE)).extracting(Entity::value).containsExactly("--08-01");
        assertThat(entities("ordered on August 1st", EntityType.DATE)).extracting(Entity::value).containsExactly("--08-01");
        assertThat(entities("1 Ağustos'ta sipariş verdim", EntityType.DATE)).extracting(Entity::value)
            .containsExactly("--08-01");
        assertThat(entities("۱۵ مرداد سفارش دادم", EntityType.DATE)).extracting(Entity::value)
            .containsExactly("SH:--05-15");
        assertThat(entities("teslim tarihi 05.08.2024", EntityType.DATE)).extracting(Entity::value)
            .containsExactly("2024-08-05");
    }

    @Test
    void shouldFindRelativeDatesAndDelays() {
        assertThat(entities("It is now 4 days late", EntityType.RELATIVE_DATE)).extracting(Entity::value)
            .containsExactly("P4D");
        assertThat(entities("I wrote 2 days ago and yesterday", EntityType.RELATIVE_DATE)).extracting(Entity::value)
            .containsExactly("-P2D", "-P1D");
        assertThat(entities("dün yazdım, 2 gün önce de", EntityType.RELATIVE_DATE)).extracting(Entity::value)
            .containsExactly("-P1D", "-P2D");
        assertThat(entities("دیروز پیام دادم، ۳ روز پیش هم", EntityType.RELATIVE_DATE)).extracting(Entity::value)
            .containsExactly("-P1D", "-P3D");
    }

    @Test
    void shouldFindProductsFromTheHostList() {
        TextAnalyzer analyzer = TextAnalyzer.newBuilder().products(List.of("AirPods Pro", "Galaxy S24")).build();
        assertThat(analyzer.analyze("my airpods pro and the GALAXY S24 are broken").entities(EntityType.PRODUCT))
            .extracting(Entity::value).containsExactly("AirPods Pro", "Galaxy S24");
    }

    @Test
    void shouldGiveSpansIntoTheText() {
        String text = "Order 245-12784, mail a@b.co, 4 days late, $5";
        for (Entity e : SharedAnalyzer.ANALYZER.analyze(text).entities()) {
            assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
        }
    }
}
