package io.timetocompute.scheduler.interchange;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import net.sf.mpxj.ActivityCodeValue;
import net.sf.mpxj.ActivityType;
import net.sf.mpxj.Availability;
import net.sf.mpxj.ConstraintType;
import net.sf.mpxj.Duration;
import net.sf.mpxj.ProjectCalendar;
import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.Relation;
import net.sf.mpxj.RelationType;
import net.sf.mpxj.RelationshipLagCalendar;
import net.sf.mpxj.Resource;
import net.sf.mpxj.ResourceAssignment;
import net.sf.mpxj.ResourceType;
import net.sf.mpxj.Task;
import net.sf.mpxj.TimeUnit;

import io.timetocompute.scheduler.interchange.BlockMapping.BlockRule;
import io.timetocompute.scheduler.interchange.ImportReport.Item;
import io.timetocompute.scheduler.interchange.ImportReport.ProjectEntry;
import io.timetocompute.scheduler.portfolio.CalendarSpec;
import io.timetocompute.scheduler.portfolio.CapacityAdjustment;
import io.timetocompute.scheduler.portfolio.ComputeBlock;
import io.timetocompute.scheduler.portfolio.Dependency;
import io.timetocompute.scheduler.portfolio.DependencyType;
import io.timetocompute.scheduler.portfolio.InvalidPortfolioException;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioValidator;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.TaskMode;
import io.timetocompute.scheduler.portfolio.TaskProgress;

/**
 * Maps a P6 or MS Project schedule, read by MPXJ, onto a {@link Portfolio}: one site per imported project,
 * activities as tasks, WBS paths as phases, the four relationship types with lags converted to work days, calendars,
 * labor resources as pools, assignments as headcount, progress as pinned work. Everything the mapping drops or
 * assumes goes in the {@link ImportReport}; a file that cannot become a valid portfolio imports nothing.
 * The mapping is documented field by field in docs/interchange.md.
 */
public final class ScheduleImporter {

    /** The single mode of an imported task. */
    public static final String MODE = "planned";
    private static final double EPSILON = 1e-6;
    /** Calendars are expanded this far past the data date (holidays as dates). */
    private static final int CALENDAR_YEARS = 12;

    /**
     * @param projects project ids (P6 short names, or MPXJ unique ids) to import; empty: all
     * @param crossProjectLinks keep relationships between imported projects (P6 XER)
     */
    public record Options(List<String> projects, BlockMapping mapping, boolean crossProjectLinks) {

        public Options {
            projects = projects == null ? List.of() : List.copyOf(projects);
            mapping = mapping == null ? BlockMapping.NONE : mapping;
        }

        public static Options all() {
            return new Options(List.of(), BlockMapping.NONE, false);
        }
    }

    /** The imported portfolio with its report. */
    public record Result(Portfolio portfolio, ImportReport report) {
    }

    private final Options options;
    private final String sourceName;
    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<Item> dropped = new ArrayList<>();
    private final List<Item> assumptions = new ArrayList<>();

    private final Map<ProjectCalendar, String> calendarIds = new IdentityHashMap<>();
    private final Map<String, CalendarSpec> calendars = new LinkedHashMap<>();
    private final Map<String, Double> hoursPerDay = new HashMap<>();
    private final Map<Task, String> taskIds = new IdentityHashMap<>();
    private final Map<Task, String> taskSite = new IdentityHashMap<>();
    private final Map<Task, String> droppedWhy = new IdentityHashMap<>();
    /** tasks whose dates our model cannot reproduce exactly, with the reason (for the agreement report) */
    final Map<String, String> inexact = new HashMap<>();
    final Map<String, Task> sources = new LinkedHashMap<>();
    private final Map<Resource, PoolDraft> pools = new IdentityHashMap<>();
    private final Map<String, ProjectCalendar> siteCalendar = new HashMap<>();
    private LocalDate dataDate;

    private ScheduleImporter(Options options, String sourceName) {
        this.options = options;
        this.sourceName = sourceName;
    }

    /** Imports a file; throws {@link ImportException} or {@link InvalidPortfolioException} naming the problem. */
    public static Result importFile(Path file, Options options) {
        ScheduleReader.Read read = ScheduleReader.read(file, options.crossProjectLinks());
        return new ScheduleImporter(options, file.getFileName().toString()).map(read);
    }

    /** Imports the bytes of a file (an upload); {@code name} is used in messages and as the portfolio id. */
    public static Result importBytes(byte[] bytes, String name, Options options) {
        ScheduleReader.Read read = ScheduleReader.read(bytes, name, options.crossProjectLinks());
        return new ScheduleImporter(options, name).map(read);
    }

    /** @return the projects of a file: id and name (P6 XER short names; other formats their single project) */
    public static List<ProjectEntry> listProjects(Path file) {
        ScheduleReader.Read read = ScheduleReader.read(file, false);
        List<ProjectEntry> entries = new ArrayList<>();
        for (ProjectFile project : read.projects()) {
            entries.add(new ProjectEntry(projectId(project), project.getProjectProperties().getName(),
                    activityCount(project), false));
        }
        return entries;
    }

    private Result map(ScheduleReader.Read read) {
        List<ProjectFile> selected = select(read.projects());
        ProjectFile first = selected.get(0);
        String format = first.getProjectProperties().getFileType();
        dataDate = dataDate(selected);
        boolean prefix = selected.size() > 1;

        List<Site> sites = new ArrayList<>();
        List<TaskDraft> drafts = new ArrayList<>();
        Set<String> usedIds = new LinkedHashSet<>();
        for (ProjectFile project : selected) {
            String siteId = projectId(project);
            if (!usedIds.add("site:" + siteId)) {
                throw new ImportException(sourceName + ": two projects share the id " + siteId);
            }
            ProjectCalendar calendar = siteCalendar(project);
            siteCalendar.put(siteId, calendar);
            for (Task task : project.getTasks()) {
                String why = notWork(task);
                if (why != null) {
                    droppedWhy.put(task, why);
                    if (!task.getSummary() || task.getActivityType() == ActivityType.WBS_SUMMARY) {
                        dropped.add(new Item("activity", originalId(task), why));
                    }
                    count(task.getSummary() ? "wbs" : "activitiesDropped");
                    continue;
                }
                String id = (prefix ? siteId + "/" : "") + originalId(task);
                if (!usedIds.add(id)) {
                    throw new ImportException(sourceName + ": activity id " + id + " is used more than once");
                }
                taskIds.put(task, id);
                taskSite.put(task, siteId);
                sources.put(id, task);
            }
            LocalDateTime start = project.getProjectProperties().getStartDate();
            LocalDate startNotBefore = start != null && start.toLocalDate().isAfter(dataDate) ? start.toLocalDate()
                    : null;
            sites.add(new Site(siteId, project.getProjectProperties().getName() == null ? siteId
                    : project.getProjectProperties().getName(), null, calendarId(calendar), null, startNotBefore,
                    List.of()));
            count("projects");
        }
        if (sources.isEmpty()) {
            throw new ImportException(sourceName + ": no activities to schedule (" + counts.getOrDefault("wbs", 0)
                    + " WBS nodes, " + counts.getOrDefault("activitiesDropped", 0) + " activities that are not work)");
        }
        for (Map.Entry<String, Task> entry : sources.entrySet()) {
            drafts.add(draft(entry.getKey(), entry.getValue()));
        }
        Map<String, List<ComputeBlock>> blocks = mapBlocks(drafts);
        List<Shipment> shipments = mapDeliveries(drafts);
        sites = sites.stream().map(site -> new Site(site.id(), site.name(), site.region(), site.calendar(),
                site.powerAvailableDate(), site.startNotBefore(), blocks.getOrDefault(site.id(), List.of())))
                .toList();
        List<LaborPool> laborPools = mapPools(drafts);

        List<io.timetocompute.scheduler.portfolio.Task> tasks = drafts.stream().map(TaskDraft::build).toList();
        String id = sourceName.replaceAll("\\.[A-Za-z]+$", "").replaceAll("[^A-Za-z0-9_.-]", "-");
        Portfolio portfolio = new Portfolio(id, first.getProjectProperties().getName() == null ? id
                : first.getProjectProperties().getName(), dataDate, List.copyOf(calendars.values()),
                sites.get(0).calendar(), null, null, sites, laborPools, shipments, List.of(), tasks, List.of());
        try {
            PortfolioValidator.validate(portfolio);
        } catch (InvalidPortfolioException e) {
            throw new ImportException(sourceName + " cannot be planned as imported: " + e.getMessage());
        }
        count("tasks", tasks.size());
        List<ProjectEntry> projectEntries = new ArrayList<>();
        for (ProjectFile project : read.projects()) {
            projectEntries.add(new ProjectEntry(projectId(project), project.getProjectProperties().getName(),
                    activityCount(project), selected.contains(project)));
        }
        ImportReport report = new ImportReport(sourceName, format, first.getProjectProperties().getFileApplication(),
                projectEntries, counts, dropped, assumptions, null);
        ImportReport.Agreement agreement = EarlyDateAgreement.compare(portfolio, sources, inexact);
        report = new ImportReport(report.source(), report.format(), report.application(), report.projects(),
                report.counts(), report.dropped(), report.assumptions(), agreement);
        return new Result(portfolio, report);
    }

    // ------------------------------------------------------------------------------------------------ projects

    private List<ProjectFile> select(List<ProjectFile> projects) {
        if (options.projects().isEmpty()) {
            return projects;
        }
        List<ProjectFile> selected = new ArrayList<>();
        for (String wanted : options.projects()) {
            ProjectFile match = projects.stream().filter(p -> wanted.equals(projectId(p))
                    || wanted.equals(String.valueOf(p.getProjectProperties().getUniqueID()))).findFirst().orElse(null);
            if (match == null) {
                throw new ImportException(sourceName + ": no project " + wanted + "; the file holds "
                        + projects.stream().map(ScheduleImporter::projectId).toList());
            }
            selected.add(match);
        }
        return selected;
    }

    static String projectId(ProjectFile project) {
        String id = project.getProjectProperties().getProjectID();
        if (id == null || id.isBlank()) {
            Integer unique = project.getProjectProperties().getUniqueID();
            id = unique == null ? "project" : "P" + unique;
        }
        return id.strip();
    }

    private static int activityCount(ProjectFile project) {
        return (int) project.getTasks().stream().filter(task -> !task.getSummary()).count();
    }

    /** The data date: the latest status date of the projects (P6 data date), else their earliest start. */
    private LocalDate dataDate(List<ProjectFile> projects) {
        LocalDate latest = null;
        for (ProjectFile project : projects) {
            LocalDateTime status = project.getProjectProperties().getStatusDate();
            if (status == null) {
                continue;
            }
            ProjectCalendar calendar = project.getDefaultCalendar();
            // A status date at the end of a work day means that day is history.
            LocalDate date = calendar == null ? status.toLocalDate()
                    : calendar.getNextWorkStart(status).toLocalDate();
            if (date.isAfter(status.toLocalDate())) {
                date = status.toLocalDate().plusDays(1);
            }
            latest = latest == null || date.isAfter(latest) ? date : latest;
        }
        if (latest != null) {
            if (projects.size() > 1) {
                assume("portfolio", "dataDate", "the latest status date of the imported projects, " + latest);
            }
            return latest;
        }
        LocalDate earliest = null;
        for (ProjectFile project : projects) {
            LocalDateTime start = project.getProjectProperties().getStartDate();
            if (start == null) {
                start = project.getEarliestStartDate();
            }
            if (start != null && (earliest == null || start.toLocalDate().isBefore(earliest))) {
                earliest = start.toLocalDate();
            }
        }
        if (earliest == null) {
            throw new ImportException(sourceName + ": neither a status date nor a start date to plan from");
        }
        assume("portfolio", "dataDate", "the file has no status (data) date: the project start " + earliest);
        return earliest;
    }

    /** The calendar most of the project's activities use, else the project's default. */
    private ProjectCalendar siteCalendar(ProjectFile project) {
        Map<ProjectCalendar, Integer> use = new IdentityHashMap<>();
        for (Task task : project.getTasks()) {
            if (!task.getSummary() && task.getEffectiveCalendar() != null) {
                use.merge(task.getEffectiveCalendar(), 1, Integer::sum);
            }
        }
        ProjectCalendar best = project.getDefaultCalendar();
        int most = -1;
        for (Map.Entry<ProjectCalendar, Integer> entry : use.entrySet()) {
            if (entry.getValue() > most) {
                best = entry.getKey();
                most = entry.getValue();
            }
        }
        if (best == null) {
            best = project.addDefaultBaseCalendar();
            assume("calendar", best.getName(), "the project has no calendar: Monday to Friday, 8 hours a day");
        }
        return best;
    }

    // ------------------------------------------------------------------------------------------------ calendars

    private String calendarId(ProjectCalendar calendar) {
        String known = calendarIds.get(calendar);
        if (known != null) {
            return known;
        }
        String base = calendar.getName() == null || calendar.getName().isBlank() ? "calendar-"
                + calendar.getUniqueID() : calendar.getName().strip();
        String id = base;
        for (int n = 2; calendars.containsKey(id); n++) {
            id = base + " (" + n + ")";
        }
        Set<DayOfWeek> working = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (calendar.isWorkingDay(day)) {
                working.add(day);
            }
        }
        List<LocalDate> holidays = new ArrayList<>();
        int extraWorkDays = 0;
        LocalDate end = dataDate.plusYears(CALENDAR_YEARS);
        for (LocalDate date = dataDate.minusYears(1); date.isBefore(end); date = date.plusDays(1)) {
            boolean weekly = working.contains(date.getDayOfWeek());
            boolean actual = calendar.isWorkingDate(date);
            if (weekly && !actual) {
                holidays.add(date);
            } else if (!weekly && actual) {
                extraWorkDays++;
            }
        }
        if (working.isEmpty()) {
            working = CalendarSpec.MONDAY_TO_FRIDAY;
            assume("calendar", id, "no working weekday: Monday to Friday assumed");
        }
        if (extraWorkDays > 0) {
            assume("calendar", id, extraWorkDays + " exception days that work on a weekday the calendar does not: "
                    + "not representable, treated as days off");
        }
        double hours = workHoursPerDay(calendar, working);
        if (hours <= EPSILON) {
            hours = 8.0;
            assume("calendar", id, "no hours per day: 8 assumed");
        }
        calendarIds.put(calendar, id);
        calendars.put(id, new CalendarSpec(id, working, holidays));
        hoursPerDay.put(id, hours);
        count("calendars");
        return id;
    }

    /**
     * The hours a work day of the calendar has, which is what durations and lags in hours are scheduled on (a
     * project's display setting of hours per day may differ: MS Project keeps one for all calendars).
     */
    private static double workHoursPerDay(ProjectCalendar calendar, Set<DayOfWeek> working) {
        Map<Double, Integer> frequency = new HashMap<>();
        for (DayOfWeek day : working) {
            Duration work = calendar.getWork(day, TimeUnit.HOURS);
            if (work != null && work.getDuration() > EPSILON) {
                frequency.merge(work.getDuration(), 1, Integer::sum);
            }
        }
        if (!frequency.isEmpty()) {
            return frequency.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
        }
        Integer minutes = calendar.getMinutesPerDay();
        return minutes == null ? 0 : minutes / 60.0;
    }

    private double hoursPerDay(ProjectCalendar calendar) {
        return hoursPerDay.get(calendarId(calendar));
    }

    // ------------------------------------------------------------------------------------------------ activities

    /** @return why the task is not schedulable work, or null */
    private static String notWork(Task task) {
        if (task.getSummary()) {
            return "WBS node / summary: its path becomes the phase of its activities";
        }
        ActivityType type = task.getActivityType();
        if (type == ActivityType.LEVEL_OF_EFFORT) {
            return "level of effort: not work, spans its related activities";
        }
        if (type == ActivityType.WBS_SUMMARY) {
            return "WBS summary activity: not work, spans its WBS";
        }
        if (type == ActivityType.HAMMOCK) {
            return "hammock: not work, spans its related activities";
        }
        if (!task.getActive()) {
            return "inactive task";
        }
        if (task.getExternalTask()) {
            return "external task (link to another project file)";
        }
        if (task.getUniqueID() != null && task.getUniqueID() == 0 && task.getID() != null && task.getID() == 0) {
            return "project summary task";
        }
        return null;
    }

    static String originalId(Task task) {
        String activityId = task.getActivityID();
        return activityId != null && !activityId.isBlank() ? activityId.strip() : String.valueOf(task.getUniqueID());
    }

    private TaskDraft draft(String id, Task task) {
        TaskDraft draft = new TaskDraft(id, taskSite.get(task), task.getName() == null ? id : task.getName());
        draft.phase = phase(task);
        ProjectCalendar calendar = task.getEffectiveCalendar();
        ProjectCalendar site = siteCalendar.get(draft.siteId);
        if (calendar != null && calendar != site && !calendarId(calendar).equals(calendarId(site))) {
            String why = "calendar " + calendarId(calendar) + " (tasks use their site's calendar " + calendarId(site)
                    + ")";
            inexact.put(id, "calendar");
            assume("activity", id, why);
            count("activitiesOnOtherCalendars");
        }
        boolean milestone = task.getMilestone() || task.getActivityType() == ActivityType.START_MILESTONE
                || task.getActivityType() == ActivityType.FINISH_MILESTONE;
        ProjectCalendar durationCalendar = calendar == null ? site : calendar;
        draft.days = milestone ? 0 : workDays(id, "duration", original(task), durationCalendar);
        count(milestone ? "milestones" : "activities");
        mapProgress(draft, task, durationCalendar);
        mapConstraints(draft, task);
        mapAssignments(draft, task);
        mapRelations(draft, task);
        return draft;
    }

    private static Duration original(Task task) {
        Duration planned = task.getPlannedDuration();
        if (planned != null && task.getActualStart() == null) {
            return planned;
        }
        return task.getDuration() != null ? task.getDuration() : planned;
    }

    private String phase(Task task) {
        List<String> path = new ArrayList<>();
        for (Task parent = task.getParentTask(); parent != null; parent = parent.getParentTask()) {
            if (parent.getName() != null && !(parent.getUniqueID() != null && parent.getUniqueID() == 0)) {
                path.add(0, parent.getName().strip());
            }
        }
        return path.isEmpty() ? null : String.join(" / ", path);
    }

    /** Converts a duration to whole work days of {@code calendar}; rounds up and reports what is not whole. */
    private int workDays(String id, String what, Duration duration, ProjectCalendar calendar) {
        if (duration == null) {
            assume("activity", id, what + " missing: 0 days");
            return 0;
        }
        double days = days(duration, calendar);
        long whole = Math.round(days);
        if (Math.abs(days - whole) < EPSILON) {
            return (int) whole;
        }
        inexact.putIfAbsent(id, "duration unit");
        assume("activity", id, what + " " + duration + " is " + String.format(Locale.ROOT, "%.2f", days)
                + " work days of " + hoursPerDay(calendar) + " h: rounded up to " + (int) Math.ceil(days - EPSILON));
        return (int) Math.ceil(days - EPSILON);
    }

    /** Work days of {@code calendar}, from hours by its hours per day; elapsed units by the days it works a week. */
    private double days(Duration duration, ProjectCalendar calendar) {
        TimeUnit unit = duration.getUnits();
        double value = duration.getDuration();
        switch (unit) {
            case ELAPSED_MINUTES, ELAPSED_HOURS, ELAPSED_DAYS, ELAPSED_WEEKS, ELAPSED_MONTHS, ELAPSED_YEARS -> {
                double elapsedDays = Duration.convertUnits(value, unit, TimeUnit.ELAPSED_DAYS, calendar)
                        .getDuration();
                return elapsedDays * calendars.get(calendarId(calendar)).workingDays().size() / 7.0;
            }
            default -> {
                double hours = Duration.convertUnits(value, unit, TimeUnit.HOURS, calendar).getDuration();
                return hours / hoursPerDay(calendar);
            }
        }
    }

    private void mapProgress(TaskDraft draft, Task task, ProjectCalendar calendar) {
        LocalDateTime actualStart = task.getActualStart();
        LocalDateTime actualFinish = task.getActualFinish();
        if (actualStart == null) {
            Number percent = task.getPercentageComplete();
            if (percent != null && percent.doubleValue() > 0) {
                assume("activity", draft.id, percent + " % complete without an actual start: not started");
            }
            return;
        }
        if (actualStart.toLocalDate().isAfter(dataDate)) {
            assume("activity", draft.id, "actual start " + actualStart.toLocalDate() + " after the data date "
                    + dataDate + ": treated as not started");
            return;
        }
        count("progressed");
        if (actualFinish != null) {
            LocalDate finish = actualFinish.toLocalDate();
            if (finish.isAfter(dataDate)) {
                assume("activity", draft.id, "actual finish " + finish + " after the data date: finished on "
                        + dataDate.minusDays(1));
                finish = dataDate.minusDays(1);
            }
            LocalDate start = actualStart.toLocalDate().isAfter(finish) ? finish : actualStart.toLocalDate();
            draft.progress = TaskProgress.done(MODE, start, finish);
            return;
        }
        Duration remaining = task.getRemainingDuration();
        int remainingDays;
        if (remaining != null) {
            remainingDays = workDays(draft.id, "remaining duration", remaining, calendar);
        } else {
            Number percent = task.getPercentageComplete();
            double done = percent == null ? 0 : percent.doubleValue() / 100.0;
            remainingDays = (int) Math.ceil(draft.days * (1 - done) - EPSILON);
            assume("activity", draft.id, "no remaining duration: " + remainingDays + " days from "
                    + (percent == null ? 0 : percent) + " % complete");
        }
        draft.progress = TaskProgress.inProgress(MODE, actualStart.toLocalDate(), Math.max(0, remainingDays));
    }

    private void mapConstraints(TaskDraft draft, Task task) {
        constraint(draft, task.getConstraintType(), task.getConstraintDate());
        constraint(draft, task.getSecondaryConstraintType(), task.getSecondaryConstraintDate());
        if (task.getDeadline() != null) {
            draft.deadline = task.getDeadline().toLocalDate();
            draft.constraintNote = "deadline " + draft.deadline;
        }
    }

    private void constraint(TaskDraft draft, ConstraintType type, LocalDateTime date) {
        if (type == null || type == ConstraintType.AS_SOON_AS_POSSIBLE) {
            return;
        }
        count("constraints");
        String what = type.name().toLowerCase(Locale.ROOT).replace('_', ' ') + (date == null ? "" : " "
                + date.toLocalDate());
        switch (type) {
            case START_NO_EARLIER_THAN, MUST_START_ON, START_ON, FINISH_NO_EARLIER_THAN, MUST_FINISH_ON, FINISH_ON -> {
                draft.releaseConstraint = date == null ? null : date.toLocalDate();
                if (type == ConstraintType.MUST_FINISH_ON || type == ConstraintType.FINISH_ON) {
                    draft.deadline = date == null ? null : date.toLocalDate();
                }
            }
            case FINISH_NO_LATER_THAN, START_NO_LATER_THAN -> draft.deadline = date == null ? null
                    : date.toLocalDate();
            default -> { }
        }
        draft.constraintNote = what;
        if (draft.releaseConstraint != null) {
            // Only constraints on the start side move early dates; deadlines move late dates and float.
            inexact.put(draft.id, "constraint");
        }
    }

    private void mapAssignments(TaskDraft draft, Task task) {
        for (ResourceAssignment assignment : task.getResourceAssignments()) {
            Resource resource = assignment.getResource();
            if (resource == null) {
                continue;
            }
            count("assignments");
            String resourceId = resourceId(resource);
            if (resource.getRole()) {
                dropped.add(new Item("assignment", draft.id + " <- " + resourceId,
                        "role, not a resource: roles are not pools"));
                continue;
            }
            if (resource.getType() != ResourceType.WORK) {
                String kind = resource.getType() == ResourceType.MATERIAL ? "material" : "equipment or cost";
                dropped.add(new Item("assignment", draft.id + " <- " + resourceId, kind
                        + " resource: reported, not a labor pool"));
                count("nonLaborAssignments");
                continue;
            }
            Number units = assignment.getUnits();
            double people = units == null ? 1.0 : units.doubleValue() / 100.0;
            if (people <= EPSILON) {
                dropped.add(new Item("assignment", draft.id + " <- " + resourceId, "zero units"));
                continue;
            }
            int headcount = (int) Math.ceil(people - EPSILON);
            if (Math.abs(people - headcount) > EPSILON) {
                assume("assignment", draft.id + " <- " + resourceId, units + " % units: " + headcount
                        + " people");
            }
            if (draft.days == 0) {
                dropped.add(new Item("assignment", draft.id + " <- " + resourceId, "on a milestone: takes no crew"));
                continue;
            }
            PoolDraft pool = pools.computeIfAbsent(resource, r -> new PoolDraft(r, resourceId));
            pool.sites.add(draft.siteId);
            pool.totalDemand += headcount;
            draft.crew.merge(pool.id, headcount, Integer::sum);
        }
    }

    static String resourceId(Resource resource) {
        String id = resource.getResourceID();
        if (id != null && !id.isBlank()) {
            return id.strip();
        }
        // MS Project has no resource ids: its users know resources by name.
        return resource.getName() != null && !resource.getName().isBlank() ? resource.getName().strip()
                : "R" + resource.getUniqueID();
    }

    private void mapRelations(TaskDraft draft, Task task) {
        for (Relation relation : task.getPredecessors()) {
            Task predecessor = relation.getPredecessorTask();
            String label = (predecessor == null ? "?" : originalId(predecessor)) + " -> " + draft.id;
            if (predecessor == null) {
                dropped.add(new Item("relationship", label, "predecessor not in the file"));
                continue;
            }
            String predecessorId = taskIds.get(predecessor);
            if (predecessorId == null) {
                String why = droppedWhy.get(predecessor);
                dropped.add(new Item("relationship", label, why != null ? "predecessor not imported: " + why
                        : "predecessor in a project not imported"));
                count("relationshipsDropped");
                continue;
            }
            DependencyType type = switch (relation.getType() == null ? RelationType.FINISH_START
                    : relation.getType()) {
                case FINISH_START -> DependencyType.FS;
                case START_START -> DependencyType.SS;
                case FINISH_FINISH -> DependencyType.FF;
                case START_FINISH -> DependencyType.SF;
            };
            int lag = lagDays(draft, task, predecessor, relation, label);
            draft.predecessors.add(new Dependency(predecessorId, type, lag));
            count("relationships" + type.name());
        }
    }

    /** The lag in work days of the successor's calendar (our model), converted from the calendar P6 uses for it. */
    private int lagDays(TaskDraft draft, Task task, Task predecessor, Relation relation, String label) {
        Duration lag = relation.getLag();
        if (lag == null || Math.abs(lag.getDuration()) < EPSILON) {
            return 0;
        }
        ProjectCalendar lagCalendar = lagCalendar(task, predecessor);
        double days;
        if (lag.getUnits() == TimeUnit.PERCENT || lag.getUnits() == TimeUnit.ELAPSED_PERCENT) {
            Duration predecessorDuration = original(predecessor);
            double predecessorDays = predecessorDuration == null ? 0
                    : days(predecessorDuration, predecessor.getEffectiveCalendar() == null ? lagCalendar
                            : predecessor.getEffectiveCalendar());
            days = predecessorDays * lag.getDuration() / 100.0;
            assume("relationship", label, "lag " + lag + " of the predecessor's duration: " + days + " work days");
        } else {
            days = days(lag, lagCalendar);
        }
        long whole = Math.round(days);
        if (Math.abs(days - whole) > EPSILON) {
            inexact.putIfAbsent(draft.id, "lag unit");
            assume("relationship", label, "lag " + lag + " is " + String.format(Locale.ROOT, "%.2f", days)
                    + " work days: rounded to " + whole);
        }
        ProjectCalendar successorCalendar = task.getEffectiveCalendar();
        if (lagCalendar != null && successorCalendar != null && lagCalendar != successorCalendar
                && !calendarId(lagCalendar).equals(calendarId(successorCalendar))) {
            inexact.putIfAbsent(draft.id, "lag calendar");
        }
        return (int) whole;
    }

    private static ProjectCalendar lagCalendar(Task successor, Task predecessor) {
        RelationshipLagCalendar setting = successor.getParentFile().getProjectProperties()
                .getRelationshipLagCalendar();
        if (setting == null) {
            // MS Project counts lags on the successor's calendar; P6's default is the predecessor's.
            String type = successor.getParentFile().getProjectProperties().getFileType();
            setting = type != null && (type.equals("XER") || type.equals("PMXML"))
                    ? RelationshipLagCalendar.PREDECESSOR : RelationshipLagCalendar.SUCCESSOR;
        }
        return switch (setting) {
            case PREDECESSOR -> predecessor.getEffectiveCalendar();
            case PROJECT_DEFAULT -> successor.getParentFile().getDefaultCalendar();
            default -> successor.getEffectiveCalendar();
        };
    }

    // ------------------------------------------------------------------------------------------------ blocks

    private Map<String, List<ComputeBlock>> mapBlocks(List<TaskDraft> drafts) {
        Map<String, List<ComputeBlock>> bySite = new LinkedHashMap<>();
        for (BlockRule rule : options.mapping().blocks()) {
            List<TaskDraft> matches = drafts.stream().filter(draft -> matches(draft, rule.activityId(),
                    rule.activityCode(), rule.project())).toList();
            if (matches.isEmpty() && rule.activityId() != null) {
                // MS Project has no activity ids: its users know tasks by name.
                matches = drafts.stream().filter(draft -> draft.name.equals(rule.activityId())
                        && (rule.project() == null || rule.project().equals(draft.siteId))).toList();
                if (matches.size() == 1) {
                    assume("block", rule.blockId(), "no activity " + rule.activityId() + ": the task named so, "
                            + matches.get(0).id);
                }
            }
            if (matches.size() != 1) {
                throw new ImportException("block mapping: block " + rule.blockId() + " matches " + matches.size()
                        + " activities (" + matches.stream().limit(5).map(d -> d.id).toList()
                        + "), it needs exactly one");
            }
            TaskDraft draft = matches.get(0);
            if (draft.bringsOnline != null) {
                throw new ImportException("block mapping: activity " + draft.id + " brings both "
                        + draft.bringsOnline + " and " + rule.blockId() + " online");
            }
            draft.bringsOnline = rule.blockId();
            LocalDate contract = rule.contractDate();
            if (contract == null && draft.deadline != null) {
                contract = draft.deadline;
                assume("block", rule.blockId(), "contract date from the activity's " + draft.constraintNote);
                draft.deadlineMapped = true;
            }
            bySite.computeIfAbsent(draft.siteId, s -> new ArrayList<>()).add(new ComputeBlock(rule.blockId(),
                    rule.name() == null ? draft.name : rule.name(), rule.itMw(), rule.valuePerDay(), contract,
                    rule.penaltyPerDayLate()));
            count("computeBlocks");
        }
        return bySite;
    }

    private boolean matches(TaskDraft draft, String activityId, String activityCode, String project) {
        if (project != null && !project.equals(draft.siteId)) {
            return false;
        }
        Task task = sources.get(draft.id);
        if (activityId != null) {
            return activityId.equals(originalId(task)) || activityId.equals(draft.id);
        }
        return activityCode != null && hasCode(task, activityCode);
    }

    private static boolean hasCode(Task task, String codeAndValue) {
        int equals = codeAndValue.indexOf('=');
        String code = equals < 0 ? null : codeAndValue.substring(0, equals).strip();
        String value = (equals < 0 ? codeAndValue : codeAndValue.substring(equals + 1)).strip();
        for (ActivityCodeValue codeValue : task.getActivityCodes()) {
            boolean codeMatches = code == null || (codeValue.getActivityCode() != null
                    && code.equalsIgnoreCase(codeValue.getActivityCode().getName()));
            if (codeMatches && (value.equalsIgnoreCase(codeValue.getName())
                    || value.equalsIgnoreCase(codeValue.getDescription()))) {
                return true;
            }
        }
        return false;
    }

    private List<Shipment> mapDeliveries(List<TaskDraft> drafts) {
        BlockMapping.Deliveries deliveries = options.mapping().deliveries();
        List<Shipment> shipments = new ArrayList<>();
        for (TaskDraft draft : drafts) {
            boolean delivery = deliveries != null && (deliveries.activityIds().contains(draft.id)
                    || deliveries.activityIds().contains(originalId(sources.get(draft.id)))
                    || (deliveries.activityCode() != null && hasCode(sources.get(draft.id), deliveries.activityCode()))
                    || (deliveries.nameContains() != null && draft.name.toLowerCase(Locale.ROOT)
                            .contains(deliveries.nameContains().toLowerCase(Locale.ROOT))));
            if (!delivery) {
                if (draft.releaseConstraint != null || (draft.deadline != null && !draft.deadlineMapped)) {
                    assume("activity", draft.id, draft.constraintNote + ": no equivalent for a task, ignored "
                            + "(the early dates may differ)");
                }
                continue;
            }
            Task task = sources.get(draft.id);
            LocalDate promised = draft.releaseConstraint;
            if (promised == null) {
                LocalDateTime date = task.getEarlyStart() != null ? task.getEarlyStart() : task.getStart();
                promised = date == null ? dataDate : date.toLocalDate();
            }
            LocalDate delivered = draft.progress != null && draft.progress.actualFinish() != null
                    ? draft.progress.actualFinish() : null;
            String id = "SHP-" + draft.id;
            shipments.add(new Shipment(id, "(from the schedule)", draft.name, draft.siteId, 1, promised, delivered,
                    0));
            draft.materials.add(id);
            if (draft.days > 0) {
                assume("activity", draft.id, "delivery of " + draft.days + " days: it starts when the shipment "
                        + "arrives");
            }
            inexact.remove(draft.id);
            count("shipments");
        }
        return shipments;
    }

    // ------------------------------------------------------------------------------------------------ pools

    private List<LaborPool> mapPools(List<TaskDraft> drafts) {
        List<LaborPool> result = new ArrayList<>();
        Map<String, Integer> capacityById = new HashMap<>();
        for (PoolDraft pool : pools.values()) {
            Resource resource = pool.resource;
            List<CapacityAdjustment> adjustments = new ArrayList<>();
            int base;
            int peak;
            List<Availability> availability = resource.getAvailability() == null ? List.of()
                    : new ArrayList<>(resource.getAvailability());
            availability.removeIf(a -> a.getUnits() == null);
            if (availability.isEmpty() && (resource.getMaxUnits() == null
                    || resource.getMaxUnits().doubleValue() <= EPSILON)) {
                base = Math.max(1, pool.totalDemand);
                peak = base;
                assume("resource", pool.id, "no max units: assumed not limiting (" + base
                        + ", every assignment at once)");
            } else if (availability.isEmpty()) {
                base = people(resource.getMaxUnits().doubleValue());
                peak = base;
            } else {
                Availability current = null;
                for (Availability entry : availability) {
                    if (!entry.getRange().getStart().toLocalDate().isAfter(dataDate)
                            && !entry.getRange().getEnd().toLocalDate().isBefore(dataDate)) {
                        current = entry;
                    }
                }
                base = current == null ? 0 : people(current.getUnits().doubleValue());
                peak = base;
                for (Availability entry : availability) {
                    if (entry == current) {
                        continue;
                    }
                    LocalDate from = entry.getRange().getStart().toLocalDate();
                    LocalDate to = entry.getRange().getEnd().toLocalDate();
                    if (to.isBefore(dataDate)) {
                        continue;
                    }
                    int headcount = people(entry.getUnits().doubleValue());
                    peak = Math.max(peak, headcount);
                    adjustments.add(CapacityAdjustment.absolute(from.isBefore(dataDate) ? dataDate : from,
                            to.getYear() >= 2049 ? null : to, headcount, "max units from " + from));
                }
                count("availabilityPeriods", availability.size());
            }
            String calendar = null;
            if (resource.getCalendar() != null) {
                calendar = calendarId(resource.getCalendar());
            }
            capacityById.put(pool.id, peak);
            result.add(new LaborPool(pool.id, resource.getName() == null ? pool.id : resource.getName(),
                    resource.getGroup(), List.copyOf(pool.sites), calendar, base, adjustments));
            count("pools");
        }
        for (TaskDraft draft : drafts) {
            for (Map.Entry<String, Integer> need : draft.crew.entrySet()) {
                int capacity = capacityById.get(need.getKey());
                if (need.getValue() > capacity) {
                    assume("assignment", draft.id + " <- " + need.getKey(), need.getValue() + " people exceed the "
                            + "resource's max units " + capacity + ": capped at " + capacity);
                    need.setValue(capacity);
                }
            }
            draft.crew.values().removeIf(headcount -> headcount <= 0);
        }
        return result;
    }

    private static int people(double units) {
        return (int) Math.floor(units / 100.0 + EPSILON);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void assume(String kind, String id, String message) {
        assumptions.add(new Item(kind, id, message));
    }

    private void count(String key) {
        count(key, 1);
    }

    private void count(String key, int n) {
        counts.merge(key, n, Integer::sum);
    }

    private static final class PoolDraft {
        final Resource resource;
        final String id;
        final Set<String> sites = new LinkedHashSet<>();
        int totalDemand;

        PoolDraft(Resource resource, String id) {
            this.resource = resource;
            this.id = id;
        }
    }

    private static final class TaskDraft {
        final String id;
        final String siteId;
        final String name;
        String phase;
        int days;
        final Map<String, Integer> crew = new TreeMap<>();
        final List<Dependency> predecessors = new ArrayList<>();
        final List<String> materials = new ArrayList<>();
        TaskProgress progress;
        String bringsOnline;
        LocalDate releaseConstraint;
        LocalDate deadline;
        boolean deadlineMapped;
        String constraintNote;

        TaskDraft(String id, String siteId, String name) {
            this.id = id;
            this.siteId = siteId;
            this.name = name;
        }

        io.timetocompute.scheduler.portfolio.Task build() {
            return new io.timetocompute.scheduler.portfolio.Task(id, siteId, name, phase,
                    List.of(new TaskMode(MODE, days, crew, 0, Map.of())), predecessors, materials, false,
                    bringsOnline, progress);
        }
    }
}
