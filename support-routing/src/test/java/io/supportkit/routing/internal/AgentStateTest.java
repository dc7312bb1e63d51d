package io.supportkit.routing.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentStateTest {

    @Test
    void shouldReadBackCapacitiesLoadsAndLevelsFromThePackedArray() {
        AgentState a = new AgentState(0);
        a.setCapacitiesAndLevels(new int[] {3, 0, 5}, new int[] {-1, 7, 2});
        a.addUsed(2, 4);
        assertThat(a.cap(0)).isEqualTo(3);
        assertThat(a.cap(1)).isZero();
        assertThat(a.cap(2)).isEqualTo(5);
        assertThat(a.cap(9)).isZero();
        assertThat(a.used(2)).isEqualTo(4);
        assertThat(a.used(0)).isZero();
        assertThat(a.level(0)).isEqualTo(-1);
        assertThat(a.level(1)).isEqualTo(7);
        assertThat(a.level(2)).isEqualTo(2);
        assertThat(a.level(3)).isEqualTo(-1);
    }

    @Test
    void shouldKeepTheLoadWhenANewProfileDropsTheChannel() {
        AgentState a = new AgentState(0);
        a.setCapacitiesAndLevels(new int[] {2, 3}, new int[] {4});
        a.addUsed(0, 1);
        a.addUsed(1, 2);
        a.setCapacitiesAndLevels(new int[] {6}, new int[] {-1, 9});
        assertThat(a.cap(0)).isEqualTo(6);
        assertThat(a.used(0)).isEqualTo(1);
        assertThat(a.cap(1)).isZero();
        assertThat(a.used(1)).isEqualTo(2);
        assertThat(a.level(0)).isEqualTo(-1);
        assertThat(a.level(1)).isEqualTo(9);
        a.addUsed(1, -2);
        assertThat(a.used(1)).isZero();
        assertThat(a.totalUsed).isEqualTo(1);
    }

    @Test
    void shouldCountLoadWhenTheChannelHasNoCapacity() {
        AgentState a = new AgentState(0);
        a.setCapacitiesAndLevels(new int[] {2}, new int[] {5});
        a.addUsed(3, 1);
        assertThat(a.used(3)).isEqualTo(1);
        assertThat(a.cap(3)).isZero();
        assertThat(a.cap(0)).isEqualTo(2);
        assertThat(a.level(0)).isEqualTo(5);
    }

    @Test
    void shouldKnowLanguagesWhenTheirIdsAreBelowOrAboveSixtyFour() {
        AgentState a = new AgentState(0);
        a.setLanguages(new int[] {0, 63, 64, 500});
        assertThat(a.speaks(0)).isTrue();
        assertThat(a.speaks(63)).isTrue();
        assertThat(a.speaks(64)).isTrue();
        assertThat(a.speaks(500)).isTrue();
        assertThat(a.speaks(1)).isFalse();
        assertThat(a.speaks(65)).isFalse();
        a.setLanguages(new int[] {1});
        assertThat(a.speaks(0)).isFalse();
        assertThat(a.speaks(64)).isFalse();
        assertThat(a.speaks(1)).isTrue();
    }
}
