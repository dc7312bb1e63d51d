package io.supportkit.core.sla;

import io.supportkit.storage.Priority;
import io.supportkit.ConfigurationException;
import io.supportkit.core.calendar.BusinessCalendar;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaPolicyJsonTest {
    static final BusinessCalendar ISTANBUL = BusinessCalendar.builder("istanbul", ZoneId.of("Europe/Istanbul"))
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00-18:00").build();

    static final String JSON = """
        {"policies": [
          {"id": "vip",
           "when": {"customerTiers": ["vip"], "channels": ["whatsapp", "web"], "priorities": ["HIGH", "urgent"]},
           "calendar": "istanbul",
           "targets": [
             {"metric": "FIRST_RESPONSE", "duration": "PT30M", "basis": "BUSINESS"},
             {"metric": "FIRST_RESPONSE", "priority": "URGENT", "duration": "PT5M", "basis": "CALENDAR"},
             {"metric": "TOTAL_RESOLUTION", "duration": "PT24H", "basis": "BUSINESS"}
           ],
           "runningIn": {"AGENT_WORK": ["OPEN"]},
           "warnings": {"fractions": [0.5, 0.9], "before": ["PT2M"]},
           "onWarning": [{"notifySupervisor": "lead"}],
           "onBreach": [{"raisePriority": true}, {"reroute": "tier-2"}],
           "countBotReplies": true,
           "reassignIfNoReplyWithin": "PT10M"},
          {"id": "default",
           "targets": [{"metric": "FIRST_RESPONSE", "duration": "PT8H", "basis": "CALENDAR"}],
           "warnings": {}}
        ]}
        """;

    @Test
    void shouldReadPoliciesLikeTheBuilder() {
        SlaPolicies policies = SlaPolicies.fromJson(JSON, Map.of("istanbul", ISTANBUL));
        assertThat(policies.asList()).extracting(SlaPolicy::id).containsExactly("vip", "default");
        SlaPolicy vip = policies.asList().get(0);
        assertThat(vip.calendar()).isSameAs(ISTANBUL);
        assertThat(vip.target(SlaMetric.FIRST_RESPONSE, Priority.URGENT)).contains(
                new SlaTarget(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(5), TimeBasis.CALENDAR));
        assertThat(vip.target(SlaMetric.FIRST_RESPONSE, Priority.HIGH)).contains(
                new SlaTarget(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(30), TimeBasis.BUSINESS));
        assertThat(vip.runningStatuses(SlaMetric.AGENT_WORK)).containsExactly(SlaStatus.OPEN);
        assertThat(vip.warningThresholds(vip.target(SlaMetric.FIRST_RESPONSE, Priority.HIGH).orElseThrow()))
                .containsExactly(Duration.ofMinutes(15), Duration.ofMinutes(27), Duration.ofMinutes(28));
        assertThat(vip.warningActions(SlaMetric.NEXT_RESPONSE)).containsExactly(EscalationAction.notifySupervisor("lead"));
        assertThat(vip.breachActions(SlaMetric.FIRST_RESPONSE)).containsExactly(EscalationAction.raisePriority(),
                EscalationAction.reroute("tier-2"));
        assertThat(vip.countsBotReplies()).isTrue();
        assertThat(vip.reassignAfter()).contains(Duration.ofMinutes(10));
        SlaSubject urgentVip = SlaSubject.builder("a", Priority.URGENT).customerTier("vip").channel("web").build();
        SlaSubject lowVip = SlaSubject.builder("b", Priority.LOW).customerTier("vip").channel("web")
                .tags(Set.of("x")).build();
        assertThat(policies.match(urgentVip)).contains(vip);
        assertThat(policies.match(lowVip)).get().extracting(SlaPolicy::id).isEqualTo("default");
        SlaPolicy fallback = policies.asList().get(1);
        assertThat(fallback.warningThresholds(fallback.target(SlaMetric.FIRST_RESPONSE, Priority.LOW).orElseThrow()))
                .isEmpty();
    }

    @Test
    void shouldRejectBadPolicyJsonNamingThePolicyAndValue() {
        Map<String, BusinessCalendar> cals = Map.of("istanbul", ISTANBUL);
        for (List<String> bad : List.of(
                List.of("{\"policies\":[{\"id\":\"p\",\"calendar\":\"mars\"}]}", "mars"),
                List.of("{\"policies\":[{\"id\":\"p\",\"targets\":[{\"metric\":\"FIRST_REPLY\",\"duration\":\"PT1H\",\"basis\":\"CALENDAR\"}]}]}", "FIRST_REPLY"),
                List.of("{\"policies\":[{\"id\":\"p\",\"targets\":[{\"metric\":\"FIRST_RESPONSE\",\"duration\":\"1h\",\"basis\":\"CALENDAR\"}]}]}", "1h"),
                List.of("{\"policies\":[{\"id\":\"p\",\"targets\":[{\"metric\":\"FIRST_RESPONSE\",\"duration\":\"PT1H\",\"basis\":\"BUSINESS\"}]}]}", "calendar"),
                List.of("{\"policies\":[{\"id\":\"p\",\"target\":[]}]}", "\"target\""),
                List.of("{\"policies\":[{\"id\":\"p\",\"warnings\":{\"fractions\":[1.5]}}]}", "1.5"),
                List.of("{\"policies\":[{\"id\":\"p\"},{\"id\":\"p\"}]}", "\"p\""),
                List.of("{\"policy\":[]}", "policies"))) {
            assertThatThrownBy(() -> SlaPolicies.fromJson(bad.get(0), cals)).as(bad.get(0))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining(bad.get(1));
        }
    }
}
