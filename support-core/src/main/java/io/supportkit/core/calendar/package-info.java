/** Business-hours calendars: weekly hours, holidays, special days, exact daylight saving, JSON loading. */
package io.supportkit.core.calendar;
