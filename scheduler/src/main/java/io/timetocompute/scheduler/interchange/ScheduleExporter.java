package io.timetocompute.scheduler.interchange;

import java.io.IOException;
import java.io.OutputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import net.sf.mpxj.ActivityType;
import net.sf.mpxj.Availability;
import net.sf.mpxj.AvailabilityTable;
import net.sf.mpxj.CostRateTableEntry;
import net.sf.mpxj.DataType;
import net.sf.mpxj.Duration;
import net.sf.mpxj.FieldTypeClass;
import net.sf.mpxj.ProjectCalendar;
import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.Rate;
import net.sf.mpxj.Relation;
import net.sf.mpxj.RelationType;
import net.sf.mpxj.Resource;
import net.sf.mpxj.ResourceType;
import net.sf.mpxj.Task;
import net.sf.mpxj.TimeUnit;
import net.sf.mpxj.UserDefinedField;
import net.sf.mpxj.writer.FileFormat;
import net.sf.mpxj.writer.UniversalProjectWriter;

import io.timetocompute.scheduler.portfolio.CalendarSpec;
import io.timetocompute.scheduler.portfolio.Dependency;
import io.timetocompute.scheduler.portfolio.InvalidPortfolioException;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.TaskMode;
import io.timetocompute.scheduler.portfolio.TaskProgress;
import io.timetocompute.scheduler.portfolio.TaskStatus;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.BlockProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.PathStep;
import io.timetocompute.scheduler.projection.ScheduleProjection.TaskSchedule;

/**
 * Writes a projected schedule as P6 XER, P6 PMXML or MS Project MSPDI with MPXJ's writers: our start and finish as
 * planned (and early) dates, the chosen mode's crews as assignments, total float and the driving path flagged, the
 * compute-online date on each block's milestone, and the original activity ids kept so that the file merges back
 * into the schedule it came from. Our days are written as 08:00-17:00 work days of 8 hours.
 */
public final class ScheduleExporter {

    /** The formats we write. */
    public enum Format {
        XER(FileFormat.XER), PMXML(FileFormat.PMXML), MSPDI(FileFormat.MSPDI);

        final FileFormat mpxj;

        Format(FileFormat mpxj) {
            this.mpxj = mpxj;
        }

        public static Format of(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidPortfolioException("unknown export format " + name + ": xer, pmxml or mspdi");
            }
        }
    }

    static final String DRIVING_FIELD = "TTC driving path";
    static final String ONLINE_FIELD = "TTC compute online";
    static final String ID_FIELD = "TTC task id";
    static final String MODE_FIELD = "TTC mode";
    private static final int HOURS_PER_DAY = 8;
    private static final LocalTime DAY_START = LocalTime.of(8, 0);
    private static final LocalTime DAY_FINISH = LocalTime.of(17, 0);

    private ScheduleExporter() {
    }

    public static void export(Portfolio portfolio, ScheduleProjection projection, Format format, OutputStream out)
            throws IOException {
        new UniversalProjectWriter(format.mpxj).write(toProjectFile(portfolio, projection), out);
    }

    static ProjectFile toProjectFile(Portfolio portfolio, ScheduleProjection projection) {
        ProjectFile file = new ProjectFile();
        file.getProjectProperties().setName(portfolio.name() == null ? portfolio.id() : portfolio.name());
        file.getProjectProperties().setProjectID(portfolio.sites().size() == 1 ? portfolio.sites().get(0).id()
                : portfolio.id());
        file.getProjectProperties().setStatusDate(portfolio.dataDate().atTime(DAY_START));
        file.getProjectProperties().setStartDate(portfolio.dataDate().atTime(DAY_START));
        file.getProjectProperties().setMinutesPerDay(HOURS_PER_DAY * 60);

        Map<String, ProjectCalendar> calendars = new HashMap<>();
        for (CalendarSpec spec : portfolio.calendars()) {
            calendars.put(spec.id(), calendar(file, spec));
        }
        ProjectCalendar fallback = calendar(file, new CalendarSpec("Monday to Friday", null, null));
        ProjectCalendar projectDefault = portfolio.defaultCalendar() == null ? fallback
                : calendars.get(portfolio.defaultCalendar());
        file.setDefaultCalendar(projectDefault);

        UserDefinedField drivingField = field(file, DRIVING_FIELD);
        UserDefinedField onlineField = field(file, ONLINE_FIELD);
        UserDefinedField idField = field(file, ID_FIELD);
        UserDefinedField modeField = field(file, MODE_FIELD);

        Map<String, Resource> resources = new LinkedHashMap<>();
        for (LaborPool pool : portfolio.pools()) {
            resources.put(pool.id(), resource(file, pool, portfolio.dataDate()));
        }

        Map<String, List<String>> drivingBlocks = new HashMap<>();
        Map<String, BlockProjection> onlineBlock = new HashMap<>();
        for (BlockProjection block : projection.blocks()) {
            onlineBlock.put(block.onlineTaskId(), block);
            for (PathStep step : block.drivingPath()) {
                if ("TASK".equals(step.kind())) {
                    drivingBlocks.computeIfAbsent(step.id(), id -> new ArrayList<>()).add(block.blockId());
                }
            }
        }
        Map<String, TaskSchedule> scheduled = new HashMap<>();
        projection.tasks().forEach(task -> scheduled.put(task.id(), task));

        Map<String, Task> written = new HashMap<>();
        Map<String, Site> sites = new HashMap<>();
        portfolio.sites().forEach(site -> sites.put(site.id(), site));
        Map<String, Task> wbs = new LinkedHashMap<>();
        for (io.timetocompute.scheduler.portfolio.Task task : portfolio.tasks()) {
            TaskSchedule schedule = scheduled.get(task.id());
            if (schedule == null) {
                throw new InvalidPortfolioException("the schedule has no task " + task.id() + ": it is not a schedule of "
                        + "this portfolio");
            }
            Site site = sites.get(task.siteId());
            Task parent = wbs.computeIfAbsent(site.id(), id -> {
                Task node = file.addTask();
                node.setName(site.name() == null ? site.id() : site.name());
                node.setWBS(site.id());
                node.setSummary(true);
                return node;
            });
            if (task.phase() != null) {
                Task siteNode = parent;
                parent = wbs.computeIfAbsent(site.id() + "\u0000" + task.phase(), key -> {
                    Task node = siteNode.addTask();
                    node.setName(task.phase());
                    node.setWBS(site.id() + "." + (siteNode.getChildTasks().size()));
                    node.setSummary(true);
                    return node;
                });
            }
            ProjectCalendar calendar = site.calendar() != null ? calendars.get(site.calendar()) : projectDefault;
            Task activity = parent.addTask();
            written.put(task.id(), activity);
            String original = originalId(task.id(), site.id());
            activity.setActivityID(original);
            activity.setName(task.name() == null ? task.id() : task.name());
            activity.setCalendar(calendar);
            activity.set(idField, task.id());
            activity.set(modeField, schedule.mode());
            int days = schedule.durationDays();
            boolean milestone = days == 0;
            activity.setActivityType(milestone ? ActivityType.START_MILESTONE : ActivityType.TASK_DEPENDENT);
            activity.setMilestone(milestone);
            Duration duration = Duration.getInstance(days * HOURS_PER_DAY, TimeUnit.HOURS);
            LocalDateTime start = schedule.start().atTime(DAY_START);
            LocalDateTime finish = milestone ? start : schedule.finish().atTime(DAY_FINISH);
            activity.setDuration(duration);
            activity.setPlannedDuration(duration);
            activity.setStart(start);
            activity.setFinish(finish);
            activity.setPlannedStart(start);
            activity.setPlannedFinish(finish);
            activity.setEarlyStart(start);
            activity.setEarlyFinish(finish);
            activity.setTotalSlack(Duration.getInstance(schedule.totalFloatDays() * HOURS_PER_DAY, TimeUnit.HOURS));
            activity.setCritical(schedule.critical());
            progress(activity, task.progressOrNotStarted(), schedule, duration);
            List<String> driving = drivingBlocks.get(task.id());
            if (driving != null) {
                activity.set(drivingField, String.join(" ", driving));
            }
            BlockProjection block = onlineBlock.get(task.id());
            if (block != null) {
                activity.set(onlineField, block.blockId() + " online " + block.onlineDate() + " ("
                        + block.itMw() + " MW)");
            }
            TaskMode mode = task.modes().stream().filter(m -> m.name().equals(schedule.mode())).findFirst()
                    .orElse(task.modes().get(0));
            if (!milestone) {
                for (Map.Entry<String, Integer> crew : new TreeMap<>(mode.crew()).entrySet()) {
                    Resource resource = resources.get(crew.getKey());
                    var assignment = activity.addResourceAssignment(resource);
                    assignment.setUnits(crew.getValue() * 100.0);
                    assignment.setStart(start);
                    assignment.setFinish(finish);
                    assignment.setWork(Duration.getInstance(days * HOURS_PER_DAY * crew.getValue(), TimeUnit.HOURS));
                    assignment.setRemainingWork(assignment.getWork());
                }
            }
        }
        for (io.timetocompute.scheduler.portfolio.Task task : portfolio.tasks()) {
            Task successor = written.get(task.id());
            for (Dependency dependency : task.predecessors()) {
                RelationType type = switch (dependency.type()) {
                    case FS -> RelationType.FINISH_START;
                    case SS -> RelationType.START_START;
                    case FF -> RelationType.FINISH_FINISH;
                    case SF -> RelationType.START_FINISH;
                };
                successor.addPredecessor(new Relation.Builder().predecessorTask(written.get(dependency.taskId()))
                        .type(type).lag(Duration.getInstance(dependency.lagDays() * HOURS_PER_DAY, TimeUnit.HOURS)));
            }
        }
        numberTasks(file);
        return file;
    }

    /** MS Project ids came in as unique ids: keep them, and number everything else above them. */
    private static void numberTasks(ProjectFile file) {
        int next = 1;
        for (Task task : file.getTasks()) {
            Integer numeric = numericId(task);
            if (numeric != null) {
                next = Math.max(next, numeric + 1);
            }
        }
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (Task task : file.getTasks()) {
            Integer numeric = numericId(task);
            if (numeric != null && used.add(numeric)) {
                task.setUniqueID(numeric);
            } else {
                task.setUniqueID(next++);
            }
        }
    }

    private static Integer numericId(Task task) {
        String id = task.getActivityID();
        if (id == null || task.getSummary() || !id.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(id);
    }

    /** Multi-project imports prefix ids with their site; the source schedule knows them without. */
    static String originalId(String taskId, String siteId) {
        String prefix = siteId + "/";
        return taskId.startsWith(prefix) ? taskId.substring(prefix.length()) : taskId;
    }

    private static void progress(Task activity, TaskProgress progress, TaskSchedule schedule, Duration duration) {
        if (progress.status() == TaskStatus.NOT_STARTED) {
            activity.setRemainingDuration(duration);
            activity.setActualDuration(Duration.getInstance(0, TimeUnit.HOURS));
            activity.setPercentageComplete(0);
            return;
        }
        activity.setActualStart(progress.actualStart().atTime(DAY_START));
        if (progress.status() == TaskStatus.DONE) {
            activity.setActualFinish(progress.actualFinish().atTime(DAY_FINISH));
            activity.setStart(progress.actualStart().atTime(DAY_START));
            activity.setFinish(progress.actualFinish().atTime(DAY_FINISH));
            activity.setRemainingDuration(Duration.getInstance(0, TimeUnit.HOURS));
            activity.setPercentageComplete(100);
        } else {
            activity.setStart(progress.actualStart().atTime(DAY_START));
            activity.setRemainingDuration(Duration.getInstance(schedule.durationDays() * HOURS_PER_DAY,
                    TimeUnit.HOURS));
        }
    }

    private static UserDefinedField field(ProjectFile file, String name) {
        UserDefinedField field = new UserDefinedField.Builder(file).internalName(name.toLowerCase(Locale.ROOT)
                .replace(' ', '_')).externalName(name).fieldTypeClass(FieldTypeClass.TASK)
                .dataType(DataType.STRING).build();
        file.getUserDefinedFields().add(field);
        file.getCustomFields().getOrCreate(field).setAlias(name);
        return field;
    }

    private static ProjectCalendar calendar(ProjectFile file, CalendarSpec spec) {
        ProjectCalendar calendar = file.addCalendar();
        calendar.setName(spec.id());
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean works = spec.workingDays().contains(day);
            calendar.setWorkingDay(day, works);
            var hours = calendar.addCalendarHours(day);
            if (works) {
                hours.add(new net.sf.mpxj.LocalTimeRange(DAY_START, LocalTime.of(12, 0)));
                hours.add(new net.sf.mpxj.LocalTimeRange(LocalTime.of(13, 0), DAY_FINISH));
            }
        }
        calendar.setCalendarMinutesPerDay(HOURS_PER_DAY * 60);
        for (LocalDate holiday : spec.holidays()) {
            calendar.addCalendarException(holiday);
        }
        return calendar;
    }

    private static Resource resource(ProjectFile file, LaborPool pool, LocalDate dataDate) {
        Resource resource = file.addResource();
        resource.setResourceID(pool.id());
        resource.setName(pool.name() == null ? pool.id() : pool.name());
        resource.setType(ResourceType.WORK);
        LocalDateTime from = dataDate.minusYears(1).atStartOfDay();
        resource.getAvailability().add(new Availability(from, AvailabilityTable.END_DATE_NA,
                pool.baseHeadcount() * 100.0));
        resource.getCostRateTable(0).add(new CostRateTableEntry(from, AvailabilityTable.END_DATE_NA, null,
                new Rate(0, TimeUnit.HOURS)));
        return resource;
    }
}
