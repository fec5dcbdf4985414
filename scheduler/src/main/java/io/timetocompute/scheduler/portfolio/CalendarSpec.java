package io.timetocompute.scheduler.portfolio;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Which days are worked: a set of weekdays minus holidays. */
public record CalendarSpec(String id, Set<DayOfWeek> workingDays, List<LocalDate> holidays) {

    public static final Set<DayOfWeek> MONDAY_TO_FRIDAY = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    public CalendarSpec {
        // Sorted, so that the same calendar always serializes the same way.
        workingDays = Collections.unmodifiableSet(EnumSet.copyOf(
                workingDays == null || workingDays.isEmpty() ? MONDAY_TO_FRIDAY : workingDays));
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    public static CalendarSpec everyDay(String id) {
        return new CalendarSpec(id, Set.of(DayOfWeek.values()), List.of());
    }
}
