package io.supportkit.core.sla;

import io.supportkit.core.JsonDamage;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.Map;

/**
 * SLA policies come from JSON a host writes by hand: whatever damage a file has, loading it either gives policies or
 * throws one of our typed exceptions; never a parser's, a JDK's or a NullPointerException.
 */
class SlaPolicyJsonDamageProperties {
    @Property(tries = 3000)
    void damagedPoliciesLoadOrAreRejectedWithATypedException(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed, @ForAll @IntRange(min = 1, max = 4) int damages) {
        JsonDamage.loadsOrIsRejectedWithATypedException(JsonDamage.damage(SlaPolicyJsonTest.JSON, seed, damages),
                json -> SlaPolicies.fromJson(json, Map.of("istanbul", SlaPolicyJsonTest.ISTANBUL)));
    }
}
