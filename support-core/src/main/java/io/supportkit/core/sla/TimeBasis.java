package io.supportkit.core.sla;

/**
 * Whether an SLA target counts every hour of the day ({@link #CALENDAR}) or only the open hours of the policy's
 * {@link io.supportkit.core.calendar.BusinessCalendar} ({@link #BUSINESS}).
 */
public enum TimeBasis {
    CALENDAR, BUSINESS
}
