package io.timetocompute.scheduler.problem;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import io.timetocompute.scheduler.portfolio.CalendarSpec;

/**
 * A calendar compiled into day indices (day 0 is the data date) so that the schedule generation scheme can move
 * between calendar days and work days with array look-ups only.
 */
public final class WorkCalendar {

    private final String id;
    private final boolean[] working;
    /** first work day on or after each day */
    private final int[] nextWorkDay;
    /** number of work days strictly before each day */
    private final int[] workDaysBefore;
    /** the k-th work day */
    private final int[] workDay;

    WorkCalendar(String id, boolean[] working) {
        this.id = id;
        this.working = working;
        int length = working.length;
        this.nextWorkDay = new int[length + 1];
        this.workDaysBefore = new int[length + 1];
        int count = 0;
        for (int day = 0; day < length; day++) {
            workDaysBefore[day] = count;
            if (working[day]) {
                count++;
            }
        }
        workDaysBefore[length] = count;
        this.workDay = new int[count + 1];
        int k = 0;
        for (int day = 0; day < length; day++) {
            if (working[day]) {
                workDay[k++] = day;
            }
        }
        // Past the compiled horizon everything saturates at the horizon: such a schedule is reported as infeasible.
        workDay[count] = length;
        int next = length;
        nextWorkDay[length] = length;
        for (int day = length - 1; day >= 0; day--) {
            if (working[day]) {
                next = day;
            }
            nextWorkDay[day] = next;
        }
    }

    static WorkCalendar compile(CalendarSpec spec, LocalDate dataDate, int horizonDays) {
        Set<LocalDate> holidays = new HashSet<>(spec.holidays());
        boolean[] working = new boolean[horizonDays];
        for (int day = 0; day < horizonDays; day++) {
            LocalDate date = dataDate.plusDays(day);
            working[day] = spec.workingDays().contains(date.getDayOfWeek()) && !holidays.contains(date);
        }
        return new WorkCalendar(spec.id(), working);
    }

    public String id() {
        return id;
    }

    /** @return true when both calendars have the same work days (they may have been compiled apart) */
    public boolean sameDays(WorkCalendar other) {
        return Arrays.equals(working, other.working);
    }

    public int horizon() {
        return working.length;
    }

    public boolean isWorkDay(int day) {
        return day >= 0 && day < working.length && working[day];
    }

    /** @return the first work day on or after {@code day} (the horizon when there is none) */
    public int onOrAfter(int day) {
        if (day <= 0) {
            return nextWorkDay[0];
        }
        return day >= working.length ? working.length : nextWorkDay[day];
    }

    /**
     * @return the day after the last of {@code duration} work days starting on {@code start} (a work day);
     *         {@code start} itself for a zero duration
     */
    public int end(int start, int duration) {
        if (duration <= 0) {
            return start;
        }
        int last = workDayAt(workDaysBefore(start) + duration - 1);
        return last >= working.length ? working.length : last + 1;
    }

    /** @return the last work day of a task of {@code duration} > 0 work days starting on {@code start} */
    public int lastWorkDay(int start, int duration) {
        return workDayAt(workDaysBefore(start) + duration - 1);
    }

    /** @return the work day {@code workDays} work days after the first work day on or after {@code day} */
    public int addWorkDays(int day, int workDays) {
        int first = onOrAfter(day);
        if (workDays == 0) {
            return first;
        }
        return workDayAt(workDaysBefore(first) + workDays);
    }

    /**
     * @return the latest start such that a task of {@code duration} work days, starting on a work day, finishes
     *         (its last work day) on or after {@code day}
     */
    public int earliestStartToFinishOnOrAfter(int day, int duration) {
        int first = onOrAfter(day);
        if (duration <= 0) {
            return first;
        }
        return workDayAt(Math.max(0, workDaysBefore(first) - duration + 1));
    }

    /** @return the number of work days before {@code day} */
    public int workDaysBefore(int day) {
        if (day <= 0) {
            return 0;
        }
        return day >= working.length ? workDaysBefore[working.length] : workDaysBefore[day];
    }

    /** @return the k-th work day (0-based), saturating at the horizon */
    public int workDayAt(int k) {
        if (k < 0) {
            return workDay[0];
        }
        return k >= workDay.length ? working.length : workDay[k];
    }

    /** @return work days in [from, to) */
    public int workDaysBetween(int from, int to) {
        return workDaysBefore(to) - workDaysBefore(from);
    }
}
