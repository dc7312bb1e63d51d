package io.supportkit.core.sla;

import io.supportkit.ConfigurationException;
import io.supportkit.internal.Require;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Policy JSON that a lenient reader would half accept: rejected, with a message that says where and stays short. */
class SlaPolicyJsonBadInputTest {
    private static final Map<String, io.supportkit.core.calendar.BusinessCalendar> CALENDARS =
            Map.of("istanbul", SlaPolicyJsonTest.ISTANBUL);

    private static String policy(String body) {
        return "{\"policies\":[{\"id\":\"p\"" + (body.isEmpty() ? "" : "," + body) + "}]}";
    }

    private static ConfigurationException rejected(String json) {
        try {
            SlaPolicies.fromJson(json, CALENDARS);
        } catch (ConfigurationException e) {
            assertThat(e.getMessage().length()).as("message length").isLessThan(1000);
            assertThat(Require.firstUnpairedSurrogate(e.getMessage())).as("unpaired surrogate in message").isNegative();
            return e;
        }
        throw new AssertionError("accepted: " + json.substring(0, Math.min(200, json.length())));
    }

    @Test
    void shouldRejectDuplicateKeysAndTrailingContent() {
        assertThat(rejected("{\"policies\":[{\"id\":\"a\"}],\"policies\":[]}")).hasMessageContaining("policies")
                .hasMessageContaining("Duplicate");
        assertThat(rejected("{\"policies\":[{\"id\":\"a\",\"id\":\"b\"}]}")).hasMessageContaining("id");
        assertThat(rejected(policy("") + " garbage")).hasMessageContaining("malformed");
        assertThat(rejected(policy("") + " {\"policies\":[]}")).hasMessageContaining("malformed");
        assertThat(SlaPolicies.fromJson(policy("") + " \n", CALENDARS).asList()).hasSize(1); // whitespace is fine
    }

    @Test
    void shouldRejectARunningInThatIsNotAnObject() {
        for (String value : new String[] {"\"OPEN\"", "[\"OPEN\"]", "null", "5"}) {
            assertThat(rejected(policy("\"runningIn\":" + value))).hasMessageContaining("\"p\"")
                    .hasMessageContaining("runningIn").hasMessageContaining("object");
        }
    }

    @Test
    void shouldAcceptOnlyTrueForRaisePriority() {
        for (String value : new String[] {"false", "\"yes\"", "1", "null", "{}"}) {
            assertThat(rejected(policy("\"onBreach\":[{\"raisePriority\":" + value + "}]")))
                    .hasMessageContaining("\"p\"").hasMessageContaining("raisePriority").hasMessageContaining("true");
        }
        SlaPolicy p = SlaPolicies.fromJson(policy("\"onBreach\":[{\"raisePriority\":true}]"), CALENDARS).asList().get(0);
        assertThat(p.breachActions(SlaMetric.FIRST_RESPONSE)).containsExactly(EscalationAction.raisePriority());
    }

    @Test
    void shouldRejectTwoTargetsForOneMetric() {
        String target = "{\"metric\":\"FIRST_RESPONSE\",\"duration\":\"PT%dH\",\"basis\":\"CALENDAR\"%s}";
        assertThat(rejected(policy("\"targets\":[" + target.formatted(1, "") + "," + target.formatted(2, "") + "]")))
                .hasMessageContaining("\"p\"").hasMessageContaining("FIRST_RESPONSE").hasMessageContaining("twice");
        String urgent = ",\"priority\":\"URGENT\"";
        assertThat(rejected(policy("\"targets\":[" + target.formatted(1, urgent) + "," + target.formatted(2, urgent)
                + "]"))).hasMessageContaining("URGENT").hasMessageContaining("twice");
    }

    @Test
    void shouldNameThePolicyInBuilderErrorsAndKeepTheCause() {
        for (String body : new String[] {
                "\"targets\":[{\"metric\":\"FIRST_RESPONSE\",\"duration\":\"PT-1H\",\"basis\":\"CALENDAR\"}]",
                "\"targets\":[{\"metric\":\"FIRST_RESPONSE\",\"duration\":\"PT2562047788015215H\",\"basis\":\"CALENDAR\"}]",
                "\"warnings\":{\"fractions\":[2]}",
                "\"runningIn\":{\"FIRST_RESPONSE\":[\"SOLVED\"]}",
                "\"reassignIfNoReplyWithin\":\"PT2562047788015215H\"",
                "\"onBreach\":[{\"reroute\":\"\"}]"}) {
            ConfigurationException e = rejected(policy(body));
            assertThat(e).as(body).hasMessageStartingWith("policy \"p\": ");
            assertThat(e.getCause()).as(body).isNotNull();
        }
    }

    @Test
    void shouldNameTheFieldOfAConditionValue() {
        assertThat(rejected(policy("\"when\":{\"channels\":[5]}"))).hasMessageContaining("when.channels")
                .hasMessageContaining("5");
        assertThat(rejected(policy("\"when\":{\"anyTag\":\"billing\"}"))).hasMessageContaining("when.anyTag");
    }

    @Test
    void shouldQuoteHugeAndMalformedValuesInMessages() {
        String big = "x".repeat(10 * 1024 * 1024);
        assertThat(rejected("{\"policies\":[{\"id\":\"" + big + "\"}]}")).hasMessageContaining("10485760 characters");
        assertThat(rejected("{\"policies\":[{\"id\":\"\\ud800\"}]}")).hasMessageContaining("\\uD800");
        assertThat(rejected(policy("\"calendar\":\"" + big + "\""))).hasMessageContaining("calendar");
        // keys beyond the parser's limit (50,000 chars) are refused by the parser itself, also quoted
        assertThat(rejected(policy("\"" + big + "\":1"))).hasMessageContaining("malformed");
        assertThat(rejected(policy("\"" + "k".repeat(40_000) + "\":1"))).hasMessageContaining("unknown key")
                .hasMessageContaining("40000 characters");
        assertThat(rejected(policy("\"when\":{\"channels\":[{\"a\":\"" + big + "\"}]}")))
                .hasMessageContaining("when.channels");
        assertThat(rejected(policy("\"onBreach\":[{\"reroute\":\"" + big + "\",\"raisePriority\":true}]")))
                .hasMessageContaining("exactly one key");
        assertThat(rejected("{\"policies\":[{\"id\":\"p\",\"" + big + "\":1,\"" + big + "\":2}]}"))
                .hasMessageContaining("malformed");
    }
}
