package io.timetocompute.scheduler.portfolio;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Which days are worked: a set of weekdays minus holidays. */
public record CalendarSpec(String id, Set<DayOfWeek> workingDays, List<LocalDate> holidays) {

    public static final Set<DayOfWeek> MONDAY_TO_FRIDAY = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    public CalendarSpec {
        workingDays = workingDays == null || workingDays.isEmpty() ? MONDAY_TO_FRIDAY : Set.copyOf(workingDays);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    public static CalendarSpec everyDay(String id) {
        return new CalendarSpec(id, Set.of(DayOfWeek.values()), List.of());
    }
}
