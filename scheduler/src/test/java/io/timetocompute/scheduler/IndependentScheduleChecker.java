package io.timetocompute.scheduler;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.timetocompute.scheduler.portfolio.Budget;
import io.timetocompute.scheduler.portfolio.CalendarSpec;
import io.timetocompute.scheduler.portfolio.CapacityAdjustment;
import io.timetocompute.scheduler.portfolio.Dependency;
import io.timetocompute.scheduler.portfolio.DependencyType;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskMode;
import io.timetocompute.scheduler.portfolio.TaskStatus;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.TaskSchedule;

/**
 * Checks a published schedule against the portfolio with plain date arithmetic, sharing no code with the solver:
 * not its compiled problem, calendars or score. Returns one message per violated rule.
 */
public final class IndependentScheduleChecker {

    private final Portfolio portfolio;
    private final Map<String, Site> sites = new HashMap<>();
    private final Map<String, CalendarSpec> calendars = new HashMap<>();
    private final Map<String, Shipment> shipments = new HashMap<>();
    private final Map<String, TaskSchedule> scheduled = new HashMap<>();
    private final Map<String, Set<LocalDate>> holidays = new HashMap<>();
    private final List<String> violations = new ArrayList<>();

    private IndependentScheduleChecker(Portfolio portfolio, ScheduleProjection projection) {
        this.portfolio = portfolio;
        portfolio.sites().forEach(site -> sites.put(site.id(), site));
        portfolio.calendars().forEach(calendar -> calendars.put(calendar.id(), calendar));
        portfolio.shipments().forEach(shipment -> shipments.put(shipment.id(), shipment));
        projection.tasks().forEach(task -> scheduled.put(task.id(), task));
    }

    public static List<String> violations(Portfolio portfolio, ScheduleProjection projection) {
        IndependentScheduleChecker checker = new IndependentScheduleChecker(portfolio, projection);
        checker.check();
        return checker.violations;
    }

    private void check() {
        Map<String, Map<LocalDate, Integer>> load = new HashMap<>();
        Map<String, Long> budgetUse = new HashMap<>();
        for (Task task : portfolio.tasks()) {
            TaskSchedule schedule = scheduled.get(task.id());
            if (schedule == null) {
                violations.add(task.id() + ": not scheduled");
                continue;
            }
            TaskMode mode = task.modes().stream().filter(m -> m.name().equals(schedule.mode())).findFirst()
                    .orElse(null);
            if (mode == null) {
                violations.add(task.id() + ": unknown mode " + schedule.mode());
                continue;
            }
            mode.budgetUse().forEach((budget, amount) -> budgetUse.merge(budget, (long) amount, Long::sum));
            TaskStatus status = task.progressOrNotStarted().status();
            if (status == TaskStatus.DONE) {
                continue;
            }
            List<LocalDate> workDays = occupiedDays(task, schedule, status);
            for (LocalDate day : workDays) {
                mode.crew().forEach((pool, headcount) ->
                        load.computeIfAbsent(pool, p -> new TreeMap<>()).merge(day, headcount, Integer::sum));
            }
            if (status == TaskStatus.NOT_STARTED) {
                checkNotStarted(task, schedule, mode, workDays);
            }
        }
        checkCrews(load);
        for (Budget budget : portfolio.budgets()) {
            long used = budgetUse.getOrDefault(budget.id(), 0L);
            if (used > budget.capacity()) {
                violations.add("budget " + budget.id() + ": uses " + used + " of " + budget.capacity());
            }
        }
    }

    private List<LocalDate> occupiedDays(Task task, TaskSchedule schedule, TaskStatus status) {
        LocalDate first = status == TaskStatus.IN_PROGRESS ? nextWorkDay(task, portfolio.dataDate())
                : schedule.start();
        List<LocalDate> days = new ArrayList<>();
        LocalDate day = first;
        while (days.size() < schedule.durationDays()) {
            if (isWorkDay(task, day)) {
                days.add(day);
            }
            day = day.plusDays(1);
        }
        return days;
    }

    private void checkNotStarted(Task task, TaskSchedule schedule, TaskMode mode, List<LocalDate> workDays) {
        LocalDate start = schedule.start();
        if (start.isBefore(portfolio.dataDate())) {
            violations.add(task.id() + ": starts " + start + " before the data date");
        }
        if (!isWorkDay(task, start)) {
            violations.add(task.id() + ": starts on a day off " + start);
        }
        if (schedule.durationDays() != mode.durationDays()) {
            violations.add(task.id() + ": duration " + schedule.durationDays() + " is not the mode's "
                    + mode.durationDays());
        }
        LocalDate expectedFinish = workDays.isEmpty() ? start : workDays.get(workDays.size() - 1);
        if (!expectedFinish.equals(schedule.finish())) {
            violations.add(task.id() + ": finish " + schedule.finish() + " should be " + expectedFinish);
        }
        for (Dependency dependency : task.predecessors()) {
            TaskSchedule predecessor = scheduled.get(dependency.taskId());
            DependencyType type = dependency.type();
            LocalDate anchor = type == DependencyType.SS || type == DependencyType.SF
                    ? predecessor.start() : dayAfterFinish(predecessor.start(), predecessor.finish(),
                            predecessor.durationDays() == 0 && !"DONE".equals(predecessor.status()));
            anchor = max(anchor, portfolio.dataDate());
            LocalDate earliest = addWorkDays(task, nextWorkDay(task, anchor), dependency.lagDays());
            boolean finishBound = type == DependencyType.FF || type == DependencyType.SF;
            // FF and SF bind the day after the successor's finish (its start for a milestone), FS and SS its start.
            LocalDate bound = finishBound
                    ? nextWorkDay(task, dayAfterFinish(start, schedule.finish(), schedule.durationDays() == 0))
                    : start;
            if (bound.isBefore(earliest)) {
                violations.add(task.id() + ": " + (finishBound ? "finishes " + schedule.finish() : "starts " + start)
                        + " before " + type + " predecessor " + dependency.taskId() + " allows (lag "
                        + dependency.lagDays() + ")");
            }
        }
        for (String shipmentId : task.materials()) {
            Shipment shipment = shipments.get(shipmentId);
            LocalDate arrival = shipment.arrivalDate();
            boolean receivedBeforeDataDate = shipment.deliveredDate() != null
                    && !arrival.plusDays(shipment.receivingDaysOrDefault()).isAfter(portfolio.dataDate());
            if (receivedBeforeDataDate) {
                continue;
            }
            LocalDate ready = addWorkDays(task, nextWorkDay(task, max(arrival, portfolio.dataDate())),
                    shipment.receivingDaysOrDefault());
            if (start.isBefore(ready)) {
                violations.add(task.id() + ": starts " + start + " before shipment " + shipmentId
                        + " is received (" + ready + ")");
            }
        }
        Site site = sites.get(task.siteId());
        if (task.requiresPower() && site.powerAvailableDate() != null
                && schedule.finish().isBefore(site.powerAvailableDate())) {
            violations.add(task.id() + ": energization finishes " + schedule.finish() + " before power on "
                    + site.powerAvailableDate());
        }
        if (site.startNotBefore() != null && start.isBefore(site.startNotBefore())) {
            violations.add(task.id() + ": starts " + start + " before its site opens " + site.startNotBefore());
        }
    }

    private void checkCrews(Map<String, Map<LocalDate, Integer>> load) {
        for (LaborPool pool : portfolio.pools()) {
            Map<LocalDate, Integer> daily = load.getOrDefault(pool.id(), Map.of());
            for (Map.Entry<LocalDate, Integer> entry : daily.entrySet()) {
                int capacity = capacity(pool, entry.getKey());
                if (entry.getValue() > capacity) {
                    violations.add("pool " + pool.id() + ": needs " + entry.getValue() + " on " + entry.getKey()
                            + " but has " + capacity);
                }
            }
        }
    }

    private int capacity(LaborPool pool, LocalDate day) {
        if (pool.calendar() != null && !isWorkDay(calendars.get(pool.calendar()), day)) {
            return 0;
        }
        int headcount = pool.baseHeadcount();
        for (CapacityAdjustment adjustment : pool.adjustments()) {
            boolean applies = (adjustment.from() == null || !day.isBefore(adjustment.from()))
                    && (adjustment.to() == null || !day.isAfter(adjustment.to()));
            if (applies) {
                headcount = adjustment.headcount() != null ? adjustment.headcount()
                        : Math.max(0, headcount + adjustment.delta());
            }
        }
        return headcount;
    }

    private CalendarSpec calendarOf(Task task) {
        Site site = sites.get(task.siteId());
        String id = site.calendar() != null ? site.calendar() : portfolio.defaultCalendar();
        return id == null ? null : calendars.get(id);
    }

    private boolean isWorkDay(Task task, LocalDate day) {
        return isWorkDay(calendarOf(task), day);
    }

    private boolean isWorkDay(CalendarSpec calendar, LocalDate day) {
        Set<DayOfWeek> working = calendar == null
                ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY) : calendar.workingDays();
        return working.contains(day.getDayOfWeek())
                && (calendar == null || !holidays.computeIfAbsent(calendar.id(),
                        id -> new HashSet<>(calendar.holidays())).contains(day));
    }

    private LocalDate nextWorkDay(Task task, LocalDate day) {
        LocalDate candidate = day;
        while (!isWorkDay(task, candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    private LocalDate addWorkDays(Task task, LocalDate workDay, int count) {
        LocalDate day = workDay;
        int step = count >= 0 ? 1 : -1;
        for (int remaining = Math.abs(count); remaining > 0; ) {
            day = day.plusDays(step);
            if (isWorkDay(task, day)) {
                remaining--;
            }
        }
        return day;
    }

    private static LocalDate dayAfterFinish(LocalDate start, LocalDate finish, boolean milestone) {
        return milestone ? start : finish.plusDays(1);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
