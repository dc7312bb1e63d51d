package io.supportkit.core.sla;

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
}
