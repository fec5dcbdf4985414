package io.timetocompute.scheduler.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.timetocompute.scheduler.portfolio.CalendarSpec;

/**
 * Work calendars of the demo regions: Monday to Friday minus public holidays and the collective construction
 * shutdowns that really stop sites there (Quebec's construction holidays, the Nordic summer shutdown).
 * <p>
 * Only holidays that fall on a working day are listed: a Saturday holiday changes nothing on a Monday-to-Friday site.
 */
final class DemoCalendars {

    static final String US = "us";
    static final String QUEBEC = "quebec";
    static final String NORWAY = "norway";
    static final String SWEDEN = "sweden";

    private DemoCalendars() {
    }

    /** US federal holidays, moved to the Friday before or the Monday after when they fall on a weekend. */
    static CalendarSpec unitedStates(int firstYear, int lastYear) {
        TreeSet<LocalDate> holidays = new TreeSet<>();
        for (int year = firstYear; year <= lastYear; year++) {
            holidays.add(observed(LocalDate.of(year, 1, 1)));
            holidays.add(nthWeekday(year, Month.JANUARY, DayOfWeek.MONDAY, 3)); // Martin Luther King Jr. Day
            holidays.add(nthWeekday(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3)); // Washington's Birthday
            holidays.add(LocalDate.of(year, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            holidays.add(observed(LocalDate.of(year, 6, 19))); // Juneteenth
            holidays.add(observed(LocalDate.of(year, 7, 4)));
            holidays.add(nthWeekday(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1)); // Labor Day
            holidays.add(nthWeekday(year, Month.OCTOBER, DayOfWeek.MONDAY, 2)); // Columbus Day
            holidays.add(observed(LocalDate.of(year, 11, 11))); // Veterans Day
            holidays.add(nthWeekday(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4)); // Thanksgiving
            holidays.add(observed(LocalDate.of(year, 12, 25)));
        }
        // New Year's Day on a Saturday is observed on December 31 of the year before; keep only the asked years.
        holidays.removeIf(day -> day.getYear() < firstYear || day.getYear() > lastYear);
        return mondayToFriday(US, holidays);
    }

    /**
     * Quebec statutory holidays plus the construction industry's collective holidays, during which nearly every
     * construction site in the province stops: two summer weeks around the end of July and the winter break.
     */
    static CalendarSpec quebec(int firstYear, int lastYear) {
        TreeSet<LocalDate> holidays = new TreeSet<>();
        for (int year = firstYear - 1; year <= lastYear; year++) {
            LocalDate easter = easterSunday(year);
            holidays.add(LocalDate.of(year, 1, 1));
            holidays.add(easter.minusDays(2)); // Good Friday
            // National Patriots' Day: the Monday before May 25
            holidays.add(LocalDate.of(year, 5, 24).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            holidays.add(LocalDate.of(year, 6, 24)); // Fete nationale
            holidays.add(LocalDate.of(year, 7, 1)); // Canada Day
            holidays.add(nthWeekday(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1)); // Labour Day
            holidays.add(nthWeekday(year, Month.OCTOBER, DayOfWeek.MONDAY, 2)); // Thanksgiving
            LocalDate summerShutdown = LocalDate.of(year, 7, 31)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).minusWeeks(1);
            addDays(holidays, summerShutdown, 14);
            LocalDate winterShutdown = LocalDate.of(year, 12, 25).with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));
            addDays(holidays, winterShutdown, 14);
        }
        return mondayToFriday(QUEBEC, inYears(holidays, firstYear, lastYear));
    }

    /** Norwegian public holidays plus the three-week construction "fellesferie" in July (ISO weeks 28-30). */
    static CalendarSpec norway(int firstYear, int lastYear) {
        TreeSet<LocalDate> holidays = new TreeSet<>();
        for (int year = firstYear; year <= lastYear; year++) {
            LocalDate easter = easterSunday(year);
            holidays.add(LocalDate.of(year, 1, 1));
            holidays.add(easter.minusDays(3)); // Maundy Thursday
            holidays.add(easter.minusDays(2)); // Good Friday
            holidays.add(easter.plusDays(1)); // Easter Monday
            holidays.add(LocalDate.of(year, 5, 1));
            holidays.add(LocalDate.of(year, 5, 17)); // Constitution Day
            holidays.add(easter.plusDays(39)); // Ascension Day
            holidays.add(easter.plusDays(50)); // Whit Monday
            holidays.add(LocalDate.of(year, 12, 25));
            holidays.add(LocalDate.of(year, 12, 26));
            addDays(holidays, mondayOfIsoWeek(year, 28), 21);
        }
        return mondayToFriday(NORWAY, holidays);
    }

    /** Swedish public holidays and eves plus the four-week summer "byggsemester" (ISO weeks 28-31). */
    static CalendarSpec sweden(int firstYear, int lastYear) {
        TreeSet<LocalDate> holidays = new TreeSet<>();
        for (int year = firstYear; year <= lastYear; year++) {
            LocalDate easter = easterSunday(year);
            holidays.add(LocalDate.of(year, 1, 1));
            holidays.add(LocalDate.of(year, 1, 6)); // Epiphany
            holidays.add(easter.minusDays(2)); // Good Friday
            holidays.add(easter.plusDays(1)); // Easter Monday
            holidays.add(LocalDate.of(year, 5, 1));
            holidays.add(easter.plusDays(39)); // Ascension Day
            holidays.add(LocalDate.of(year, 6, 6)); // National Day
            // Midsummer Eve: the Friday between June 19 and 25
            holidays.add(LocalDate.of(year, 6, 19).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)));
            holidays.add(LocalDate.of(year, 12, 24));
            holidays.add(LocalDate.of(year, 12, 25));
            holidays.add(LocalDate.of(year, 12, 26));
            holidays.add(LocalDate.of(year, 12, 31));
            addDays(holidays, mondayOfIsoWeek(year, 28), 28);
        }
        return mondayToFriday(SWEDEN, holidays);
    }

    /** Gregorian Easter Sunday (the anonymous Gregorian algorithm, also known as Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static CalendarSpec mondayToFriday(String id, TreeSet<LocalDate> holidays) {
        List<LocalDate> workdayHolidays = new ArrayList<>();
        for (LocalDate day : holidays) {
            if (CalendarSpec.MONDAY_TO_FRIDAY.contains(day.getDayOfWeek())) {
                workdayHolidays.add(day);
            }
        }
        return new CalendarSpec(id, CalendarSpec.MONDAY_TO_FRIDAY, workdayHolidays);
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate nthWeekday(int year, Month month, DayOfWeek weekday, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
    }

    private static LocalDate mondayOfIsoWeek(int year, int week) {
        return LocalDate.of(year, 7, 1).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }

    private static void addDays(TreeSet<LocalDate> holidays, LocalDate first, int days) {
        for (int i = 0; i < days; i++) {
            holidays.add(first.plusDays(i));
        }
    }

    private static TreeSet<LocalDate> inYears(TreeSet<LocalDate> holidays, int firstYear, int lastYear) {
        return new TreeSet<>(
                holidays.subSet(LocalDate.of(firstYear, 1, 1), true, LocalDate.of(lastYear, 12, 31), true));
    }
}
