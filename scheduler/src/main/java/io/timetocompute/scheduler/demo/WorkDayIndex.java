package io.timetocompute.scheduler.demo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import io.timetocompute.scheduler.portfolio.CalendarSpec;

/**
 * Numbers the work days of one calendar so that the generator's rough forward pass can add durations and lags with
 * plain integer arithmetic: work day k + 3 is three work days after work day k. Covers a window around the data date
 * wide enough for any demo build.
 */
final class WorkDayIndex {

    private static final int YEARS_BEFORE = 3;
    private static final int YEARS_AFTER = 20;

    private final LocalDate origin;
    /** per calendar day since the origin: how many work days come strictly before it */
    private final int[] workDaysBefore;
    /** per work day number: its calendar day since the origin */
    private final int[] dayOfWorkDay;

    WorkDayIndex(CalendarSpec calendar, LocalDate dataDate) {
        origin = dataDate.minusYears(YEARS_BEFORE);
        int length = (int) (dataDate.plusYears(YEARS_AFTER).toEpochDay() - origin.toEpochDay());
        Set<LocalDate> holidays = new HashSet<>(calendar.holidays());
        workDaysBefore = new int[length + 1];
        int[] workDays = new int[length];
        int count = 0;
        for (int day = 0; day < length; day++) {
            workDaysBefore[day] = count;
            LocalDate date = origin.plusDays(day);
            if (calendar.workingDays().contains(date.getDayOfWeek()) && !holidays.contains(date)) {
                workDays[count++] = day;
            }
        }
        workDaysBefore[length] = count;
        dayOfWorkDay = java.util.Arrays.copyOf(workDays, count);
    }

    /** @return the number of the first work day on or after the date */
    int onOrAfter(LocalDate date) {
        return workDaysBefore[dayIndex(date)];
    }

    LocalDate date(int workDay) {
        if (workDay < 0 || workDay >= dayOfWorkDay.length) {
            throw new IllegalStateException("work day " + workDay + " is outside the demo calendar window");
        }
        return origin.plusDays(dayOfWorkDay[workDay]);
    }

    private int dayIndex(LocalDate date) {
        long day = date.toEpochDay() - origin.toEpochDay();
        if (day < 0 || day >= workDaysBefore.length) {
            throw new IllegalStateException(date + " is outside the demo calendar window");
        }
        return (int) day;
    }
}
