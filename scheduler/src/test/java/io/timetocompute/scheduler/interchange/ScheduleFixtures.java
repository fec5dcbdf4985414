package io.timetocompute.scheduler.interchange;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.sf.mpxj.ActivityType;
import net.sf.mpxj.Availability;
import net.sf.mpxj.AvailabilityTable;
import net.sf.mpxj.ConstraintType;
import net.sf.mpxj.CostRateTableEntry;
import net.sf.mpxj.Duration;
import net.sf.mpxj.LocalTimeRange;
import net.sf.mpxj.ProjectCalendar;
import net.sf.mpxj.ProjectCalendarHours;
import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.Rate;
import net.sf.mpxj.Relation;
import net.sf.mpxj.RelationType;
import net.sf.mpxj.Resource;
import net.sf.mpxj.ResourceType;
import net.sf.mpxj.Task;
import net.sf.mpxj.TimeUnit;
import net.sf.mpxj.writer.FileFormat;
import net.sf.mpxj.writer.UniversalProjectWriter;

/**
 * A data-center schedule made with MPXJ's own model and written with its writers, covering every mapping rule: WBS
 * paths, the four relationship types with lags and a lead, a level-of-effort activity, milestones, a delivery with a
 * start constraint, a finish deadline, two calendars (one with a holiday, one of 10-hour days), labor resources with
 * and without max units and with a change of max units, a material resource, and (optionally) progress.
 * Early dates are computed with MPXJ's calendar arithmetic, independently of our engine.
 */
public final class ScheduleFixtures {

    static final LocalDate DATA_DATE = LocalDate.of(2027, 1, 4);
    static final LocalDate HOLIDAY = LocalDate.of(2027, 1, 18);

    private ScheduleFixtures() {
    }

    public static ProjectFile dataCenter(boolean progressed) {
        ProjectFile file = new ProjectFile();
        file.getProjectProperties().setName("DC1 Abilene");
        file.getProjectProperties().setProjectID("DC1");
        file.getProjectProperties().setStartDate(DATA_DATE.atTime(8, 0));
        file.getProjectProperties().setStatusDate(DATA_DATE.atTime(8, 0));
        ProjectCalendar standard = file.addDefaultBaseCalendar();
        standard.setName("Standard 5x8");
        standard.addCalendarException(HOLIDAY);
        file.setDefaultCalendar(standard);
        ProjectCalendar sixTens = file.addCalendar();
        sixTens.setName("Six 10-hour days");
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean works = day != DayOfWeek.SUNDAY;
            sixTens.setWorkingDay(day, works);
            ProjectCalendarHours hours = sixTens.addCalendarHours(day);
            if (works) {
                hours.add(new LocalTimeRange(LocalTime.of(7, 0), LocalTime.of(17, 0)));
            }
        }
        sixTens.setCalendarMinutesPerDay(600);

        Resource civil = labor(file, "CIVIL", "Civil crew", 400);
        Resource steel = labor(file, "STEEL", "Ironworkers", 600);
        Resource elec = labor(file, "ELEC", "Electricians", 300);
        elec.getAvailability().clear();
        elec.getAvailability().add(new Availability(LocalDateTime.of(2020, 1, 1, 0, 0),
                LocalDateTime.of(2027, 2, 28, 23, 59), 300.0));
        elec.getAvailability().add(new Availability(LocalDateTime.of(2027, 3, 1, 0, 0),
                AvailabilityTable.END_DATE_NA, 500.0));
        // P6 keeps max units with the rates: one rate entry per period
        elec.getCostRateTable(0).clear();
        elec.getCostRateTable(0).add(new CostRateTableEntry(LocalDateTime.of(2020, 1, 1, 0, 0),
                LocalDateTime.of(2027, 2, 28, 23, 59), null, new Rate(0, TimeUnit.HOURS)));
        elec.getCostRateTable(0).add(new CostRateTableEntry(LocalDateTime.of(2027, 3, 1, 0, 0),
                AvailabilityTable.END_DATE_NA, null, new Rate(0, TimeUnit.HOURS)));
        Resource inspectors = file.addResource();
        inspectors.setName("Inspectors");
        inspectors.setResourceID("INSP");
        inspectors.setType(ResourceType.WORK);
        Resource concrete = file.addResource();
        concrete.setName("Concrete");
        concrete.setResourceID("CONC");
        concrete.setType(ResourceType.MATERIAL);

        Task project = file.addTask();
        project.setName("DC1");
        project.setWBS("DC1");
        Task civilWbs = project.addTask();
        civilWbs.setName("Civil");
        civilWbs.setWBS("DC1.CIV");

        Map<String, Task> t = new LinkedHashMap<>();
        t.put("A1000", activity(civilWbs, "A1000", "Site preparation", 10, civil, 200));
        t.put("A1010", activity(civilWbs, "A1010", "Foundations", 15, civil, 300));
        t.put("A1020", activity(civilWbs, "A1020", "Steel erection", 20, steel, 400));
        t.put("A1030", activity(civilWbs, "A1030", "Roofing", 10, steel, 200));
        // MS Project orders tasks by outline: each WBS node is followed by its own activities
        Task elecWbs = project.addTask();
        elecWbs.setName("Electrical");
        elecWbs.setWBS("DC1.ELE");
        t.put("A1040", activity(elecWbs, "A1040", "Temporary power", 5, elec, 100));
        t.put("A1050", activity(elecWbs, "A1050", "Electrical rough-in", 12, elec, 300));
        Task delivery = milestone(elecWbs, "A1060", "Switchgear delivery", ActivityType.START_MILESTONE);
        delivery.setConstraintType(ConstraintType.START_NO_EARLIER_THAN);
        delivery.setConstraintDate(LocalDateTime.of(2027, 3, 15, 8, 0));
        t.put("A1060", delivery);
        t.put("A1070", activity(elecWbs, "A1070", "Switchgear installation", 8, elec, 200));
        t.get("A1070").addResourceAssignment(inspectors).setUnits(100.0);
        t.get("A1070").addResourceAssignment(concrete).setUnits(100.0);
        Task online = milestone(elecWbs, "A1080", "Hall 1 energized", ActivityType.FINISH_MILESTONE);
        online.setConstraintType(ConstraintType.FINISH_NO_LATER_THAN);
        online.setConstraintDate(LocalDateTime.of(2027, 6, 30, 17, 0));
        t.put("A1080", online);
        Task commissioning = activity(elecWbs, "A1100", "Commissioning", 6, null, 0);
        commissioning.setCalendar(sixTens);
        commissioning.setDuration(Duration.getInstance(60, TimeUnit.HOURS));
        t.put("A1100", commissioning);
        Task loe = activity(project, "A1090", "Project management", 0, null, 0);
        loe.setActivityType(ActivityType.LEVEL_OF_EFFORT);
        t.put("A1090", loe);

        link(t, "A1000", "A1010", RelationType.FINISH_START, 2);
        link(t, "A1010", "A1020", RelationType.START_START, 5);
        link(t, "A1020", "A1030", RelationType.FINISH_FINISH, 3);
        link(t, "A1030", "A1040", RelationType.START_FINISH, 6);
        link(t, "A1020", "A1050", RelationType.FINISH_START, -2);
        link(t, "A1050", "A1070", RelationType.FINISH_START, 0);
        link(t, "A1060", "A1070", RelationType.FINISH_START, 0);
        link(t, "A1070", "A1080", RelationType.FINISH_START, 0);
        link(t, "A1000", "A1090", RelationType.START_START, 0);
        link(t, "A1070", "A1100", RelationType.FINISH_START, 0);

        for (Task task : t.values()) {
            task.setPlannedDuration(task.getDuration());
            task.setRemainingDuration(task.getDuration());
            task.setActualDuration(Duration.getInstance(0, TimeUnit.HOURS));
        }
        earlyDates(t, standard);
        if (progressed) {
            Task prep = t.get("A1000");
            prep.setActualStart(LocalDateTime.of(2026, 12, 14, 8, 0));
            prep.setActualFinish(LocalDateTime.of(2026, 12, 24, 17, 0));
            prep.setPercentageComplete(100);
            Task foundations = t.get("A1010");
            foundations.setActualStart(LocalDateTime.of(2026, 12, 28, 8, 0));
            foundations.setRemainingDuration(Duration.getInstance(7 * 8, TimeUnit.HOURS));
            foundations.setPercentageComplete(50);
        }
        return file;
    }

    /** The FS/SS/FF/SF forward pass of P6 on hours, with MPXJ's calendar arithmetic; lags in hours. */
    private static void earlyDates(Map<String, Task> tasks, ProjectCalendar standard) {
        LocalDateTime dataDate = DATA_DATE.atTime(8, 0);
        for (Task task : tasks.values()) {
            if (task.getActivityType() == ActivityType.LEVEL_OF_EFFORT) {
                continue;
            }
            ProjectCalendar calendar = task.getCalendar() == null ? standard : task.getCalendar();
            Duration duration = task.getDuration();
            LocalDateTime start = calendar.getNextWorkStart(dataDate);
            if (task.getConstraintType() == ConstraintType.START_NO_EARLIER_THAN) {
                start = later(start, calendar.getNextWorkStart(task.getConstraintDate()));
            }
            for (Relation relation : task.getPredecessors()) {
                Task predecessor = relation.getPredecessorTask();
                // P6's default lag calendar: the predecessor's
                ProjectCalendar lagCalendar = predecessor.getCalendar() == null ? standard : predecessor.getCalendar();
                RelationType type = relation.getType();
                LocalDateTime anchor = type == RelationType.START_START || type == RelationType.START_FINISH
                        ? predecessor.getEarlyStart() : predecessor.getEarlyFinish();
                LocalDateTime bound = lagCalendar.getDate(anchor, relation.getLag());
                if (type == RelationType.FINISH_FINISH || type == RelationType.START_FINISH) {
                    bound = calendar.getDate(bound, duration.negate());
                }
                start = later(start, calendar.getNextWorkStart(bound));
            }
            task.setEarlyStart(start);
            LocalDateTime finish = duration.getDuration() == 0 ? start : calendar.getDate(start, duration);
            if (task.getActivityType() == ActivityType.FINISH_MILESTONE) {
                // A finish milestone sits at the end of the previous work day.
                finish = calendar.getPreviousWorkFinish(start);
                task.setEarlyStart(finish);
            }
            task.setEarlyFinish(finish);
            task.setStart(task.getEarlyStart());
            task.setFinish(finish);
            task.setPlannedStart(task.getEarlyStart());
            task.setPlannedFinish(finish);
        }
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return b.isAfter(a) ? b : a;
    }

    private static Resource labor(ProjectFile file, String id, String name, double maxUnits) {
        Resource resource = file.addResource();
        resource.setName(name);
        resource.setResourceID(id);
        resource.setType(ResourceType.WORK);
        resource.getAvailability().add(new Availability(LocalDateTime.of(2020, 1, 1, 0, 0),
                AvailabilityTable.END_DATE_NA, maxUnits));
        resource.getCostRateTable(0).add(new CostRateTableEntry(LocalDateTime.of(2020, 1, 1, 0, 0),
                AvailabilityTable.END_DATE_NA, null, new Rate(0, TimeUnit.HOURS)));
        return resource;
    }

    private static Task activity(Task parent, String id, String name, int days, Resource resource, double units) {
        Task task = parent.addTask();
        task.setName(name);
        task.setActivityID(id);
        task.setActivityType(ActivityType.TASK_DEPENDENT);
        task.setDuration(Duration.getInstance(days * 8, TimeUnit.HOURS));
        if (resource != null) {
            task.addResourceAssignment(resource).setUnits(units);
        }
        return task;
    }

    private static Task milestone(Task parent, String id, String name, ActivityType type) {
        Task task = activity(parent, id, name, 0, null, 0);
        task.setActivityType(type);
        task.setMilestone(true);
        return task;
    }

    private static void link(Map<String, Task> tasks, String from, String to, RelationType type, int lagDays) {
        tasks.get(to).addPredecessor(new Relation.Builder().predecessorTask(tasks.get(from)).type(type)
                .lag(Duration.getInstance(lagDays * 8, TimeUnit.HOURS)));
    }

    public static Path write(ProjectFile file, FileFormat format, Path directory, String name) throws IOException {
        Path out = directory.resolve(name);
        new UniversalProjectWriter(format).write(file, out.toFile());
        return out;
    }

    static BlockMapping mapping() {
        return new BlockMapping(List.of(new BlockMapping.BlockRule("A1080", null, null, "DC1-H1", "Hall 1", 36.0,
                1_200_000L, null, 250_000L)), new BlockMapping.Deliveries(List.of(), null, "delivery"));
    }
}
