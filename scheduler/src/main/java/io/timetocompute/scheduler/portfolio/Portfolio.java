package io.timetocompute.scheduler.portfolio;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Everything planned together: sites, the labor pools they share, the shipments they wait for, and the tasks.
 * Dates are calendar dates; durations and lags are counted in work days of the task's site calendar.
 *
 * @param dataDate the first day that can still be planned; work before it is reported through task status
 * @param previousSchedule the last published schedule, used to keep the freeze window stable; may be empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Portfolio(
        String id,
        String name,
        LocalDate dataDate,
        List<CalendarSpec> calendars,
        String defaultCalendar,
        Integer freezeWindowDays,
        Long disruptionCostPerDay,
        List<Site> sites,
        List<LaborPool> pools,
        List<Shipment> shipments,
        List<Budget> budgets,
        List<Task> tasks,
        List<PlannedStart> previousSchedule) {

    public static final int DEFAULT_FREEZE_WINDOW_DAYS = 14;
    public static final long DEFAULT_DISRUPTION_COST_PER_DAY = 25_000L;

    public Portfolio {
        calendars = calendars == null ? List.of() : List.copyOf(calendars);
        sites = sites == null ? List.of() : List.copyOf(sites);
        pools = pools == null ? List.of() : List.copyOf(pools);
        shipments = shipments == null ? List.of() : List.copyOf(shipments);
        budgets = budgets == null ? List.of() : List.copyOf(budgets);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        previousSchedule = previousSchedule == null ? List.of() : List.copyOf(previousSchedule);
    }

    public int freezeWindowDaysOrDefault() {
        return freezeWindowDays == null ? DEFAULT_FREEZE_WINDOW_DAYS : freezeWindowDays;
    }

    public long disruptionCostPerDayOrDefault() {
        return disruptionCostPerDay == null ? DEFAULT_DISRUPTION_COST_PER_DAY : disruptionCostPerDay;
    }

    public Portfolio withTasks(List<Task> newTasks) {
        return new Portfolio(id, name, dataDate, calendars, defaultCalendar, freezeWindowDays, disruptionCostPerDay,
                sites, pools, shipments, budgets, newTasks, previousSchedule);
    }

    public Portfolio withShipments(List<Shipment> newShipments) {
        return new Portfolio(id, name, dataDate, calendars, defaultCalendar, freezeWindowDays, disruptionCostPerDay,
                sites, pools, newShipments, budgets, tasks, previousSchedule);
    }

    public Portfolio withPools(List<LaborPool> newPools) {
        return new Portfolio(id, name, dataDate, calendars, defaultCalendar, freezeWindowDays, disruptionCostPerDay,
                sites, newPools, shipments, budgets, tasks, previousSchedule);
    }

    public Portfolio withSites(List<Site> newSites) {
        return new Portfolio(id, name, dataDate, calendars, defaultCalendar, freezeWindowDays, disruptionCostPerDay,
                newSites, pools, shipments, budgets, tasks, previousSchedule);
    }

    public Portfolio withDataDate(LocalDate newDataDate) {
        return new Portfolio(id, name, newDataDate, calendars, defaultCalendar, freezeWindowDays, disruptionCostPerDay,
                sites, pools, shipments, budgets, tasks, previousSchedule);
    }

    public Portfolio withPreviousSchedule(List<PlannedStart> published) {
        return new Portfolio(id, name, dataDate, calendars, defaultCalendar, freezeWindowDays, disruptionCostPerDay,
                sites, pools, shipments, budgets, tasks, published);
    }
}
