package io.supportkit.core.calendar;

import io.supportkit.core.JsonDamage;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Calendars come from JSON a host writes by hand: whatever damage a file has (a value cut short, a wrong type, a
 * date that does not exist, stray characters), loading it either gives a calendar or throws one of our typed
 * exceptions; never a parser's, a JDK's or a NullPointerException.
 */
class CalendarJsonDamageProperties {
    @Property(tries = 3000)
    void aDamagedCalendarLoadsOrIsRejectedWithATypedException(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed, @ForAll @IntRange(min = 1, max = 4) int damages) {
        JsonDamage.loadsOrIsRejectedWithATypedException(JsonDamage.damage(CalendarFixtures.TEHRAN_JSON, seed, damages),
                BusinessCalendar::fromJson);
    }
}
