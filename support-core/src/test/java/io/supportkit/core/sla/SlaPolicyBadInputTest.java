package io.supportkit.core.sla;

import io.supportkit.ConfigurationException;
import io.supportkit.InvalidInputException;
import io.supportkit.storage.Priority;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Policies, conditions and subjects given bad values: a typed exception that names the value, and nothing kept. */
class SlaPolicyBadInputTest {
    private static final SlaPolicy POLICY = SlaPolicy.builder("p")
            .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(1), TimeBasis.CALENDAR).build();

    @Test
    void shouldRejectNullPoliciesWithATypedException() {
        assertThatThrownBy(() -> SlaPolicies.of((SlaPolicy) null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("policies");
        assertThatThrownBy(() -> SlaPolicies.of(POLICY, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("policies");
        assertThatThrownBy(() -> SlaPolicies.of(Arrays.asList(POLICY, null))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldRejectNullQueriesOnAPolicyWithATypedException() {
        assertThatThrownBy(() -> POLICY.warningThresholds(null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("target");
        assertThatThrownBy(() -> POLICY.target(SlaMetric.FIRST_RESPONSE, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("priority");
        assertThatThrownBy(() -> POLICY.target(SlaMetric.NEXT_RESPONSE, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("priority");
        assertThatThrownBy(() -> POLICY.warningActions(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> POLICY.breachActions(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldRejectASnapshotWithoutMetricsWithATypedException() {
        assertThatThrownBy(() -> new SlaSnapshot("s", null, Priority.LOW, SlaStatus.NEW, Instant.EPOCH, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("metrics");
    }

    @Test
    void shouldKeepNothingOfAConditionCallThatIsRejected() {
        SlaCondition.Builder b = SlaCondition.builder();
        assertThatThrownBy(() -> b.channels("web", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.priorities(Priority.HIGH, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.anyTag("billing", "")).isInstanceOf(InvalidInputException.class);
        assertThat(b.build().toString()).isEqualTo(SlaCondition.always().toString());
    }

    @Test
    void shouldValidateSubjectTagsLikeConditionTags() {
        for (String tag : new String[] {"\ud800", "", " ", "a\nb", "x".repeat(10 * 1024 * 1024)}) {
            assertThatThrownBy(() -> new SlaSubject("s", Priority.LOW, null, null, null, Set.of(tag), null))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("tag");
            assertThatThrownBy(() -> SlaCondition.builder().anyTag(tag)).isInstanceOf(InvalidInputException.class);
        }
        assertThat(new SlaSubject("s", Priority.LOW, null, null, null, Set.of("billing", "vip"), null).tags())
                .containsExactlyInAnyOrder("billing", "vip");
    }

    @Test
    void shouldRejectWarningLeadsAndReassignTimesLongerThanTheLongestTarget() {
        for (Duration tooLong : new Duration[] {Duration.ofDays(3651), Duration.ofSeconds(Long.MAX_VALUE / 2),
                Duration.ofSeconds(Long.MAX_VALUE)}) {
            assertThatThrownBy(() -> SlaPolicy.builder("r").reassignIfNoReplyWithin(tooLong))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("3650 days");
            assertThatThrownBy(() -> SlaPolicy.builder("w").warnBefore(tooLong))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("3650 days");
            assertThatThrownBy(() -> SlaPolicy.builder("t").target(SlaMetric.FIRST_RESPONSE, tooLong,
                    TimeBasis.CALENDAR)).isInstanceOf(ConfigurationException.class).hasMessageContaining("3650 days");
        }
        assertThat(SlaPolicy.builder("ok").reassignIfNoReplyWithin(Duration.ofDays(3650)).warnBefore(Duration.ofDays(3650))
                .build().reassignAfter()).contains(Duration.ofDays(3650));
    }

    @Test
    void shouldRejectASecondTargetForTheSameMetricAndPriorities() {
        assertThatThrownBy(() -> SlaPolicy.builder("t")
                .target(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(30), TimeBasis.CALENDAR)
                .target(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(10), TimeBasis.CALENDAR))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("\"t\"").hasMessageContaining("FIRST_RESPONSE").hasMessageContaining("twice");
        assertThatThrownBy(() -> SlaPolicy.builder("t")
                .target(SlaMetric.FIRST_RESPONSE, Priority.URGENT, Duration.ofMinutes(5), TimeBasis.CALENDAR)
                .target(SlaMetric.FIRST_RESPONSE, Priority.URGENT, Duration.ofMinutes(2), TimeBasis.CALENDAR))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("URGENT").hasMessageContaining("twice");
        // one for all priorities and one for a priority are not duplicates, in either order: the specific one wins
        for (boolean specificFirst : new boolean[] {true, false}) {
            SlaPolicy.Builder b = SlaPolicy.builder("t");
            if (specificFirst) {
                b.target(SlaMetric.FIRST_RESPONSE, Priority.URGENT, Duration.ofMinutes(5), TimeBasis.CALENDAR);
            }
            b.target(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(30), TimeBasis.CALENDAR);
            if (!specificFirst) {
                b.target(SlaMetric.FIRST_RESPONSE, Priority.URGENT, Duration.ofMinutes(5), TimeBasis.CALENDAR);
            }
            SlaPolicy p = b.build();
            assertThat(p.target(SlaMetric.FIRST_RESPONSE, Priority.URGENT)).get().extracting(SlaTarget::duration)
                    .isEqualTo(Duration.ofMinutes(5));
            assertThat(p.target(SlaMetric.FIRST_RESPONSE, Priority.LOW)).get().extracting(SlaTarget::duration)
                    .isEqualTo(Duration.ofMinutes(30));
        }
    }
}
