package io.timetocompute.api.interchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.sf.mpxj.ActivityType;
import net.sf.mpxj.Availability;
import net.sf.mpxj.AvailabilityTable;
import net.sf.mpxj.CostRateTableEntry;
import net.sf.mpxj.Duration;
import net.sf.mpxj.ProjectCalendar;
import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.Rate;
import net.sf.mpxj.Relation;
import net.sf.mpxj.RelationType;
import net.sf.mpxj.Resource;
import net.sf.mpxj.ResourceAssignment;
import net.sf.mpxj.ResourceType;
import net.sf.mpxj.Task;
import net.sf.mpxj.TimeUnit;
import net.sf.mpxj.writer.FileFormat;
import net.sf.mpxj.writer.UniversalProjectWriter;

/**
 * Small schedule files for the API tests, made with MPXJ's model and written with its writers (the scheduler's
 * tests cover the mapping rule by rule; these only need files that import, and files that must not).
 */
public final class ScheduleFiles {

    static final LocalDateTime DATA_DATE = LocalDateTime.of(2027, 1, 4, 8, 0);

    private ScheduleFiles() {
    }

    /** A site of five activities (four work, one milestone) and a level-of-effort activity, one labor pool. */
    public static ProjectFile site(String projectId, String name) {
        ProjectFile file = new ProjectFile();
        file.getProjectProperties().setName(name);
        file.getProjectProperties().setProjectID(projectId);
        file.getProjectProperties().setStartDate(DATA_DATE);
        file.getProjectProperties().setStatusDate(DATA_DATE);
        ProjectCalendar standard = file.addDefaultBaseCalendar();
        standard.setName("Standard 5x8");
        file.setDefaultCalendar(standard);
        Resource civil = file.addResource();
        civil.setName("Civil crew");
        civil.setResourceID("CIVIL");
        civil.setType(ResourceType.WORK);
        civil.getAvailability().add(new Availability(LocalDateTime.of(2020, 1, 1, 0, 0),
                AvailabilityTable.END_DATE_NA, 400.0));
        civil.getCostRateTable(0).add(new CostRateTableEntry(LocalDateTime.of(2020, 1, 1, 0, 0),
                AvailabilityTable.END_DATE_NA, null, new Rate(0, TimeUnit.HOURS)));

        Task wbs = file.addTask();
        wbs.setName(name);
        wbs.setWBS(projectId);
        Map<String, Task> t = new LinkedHashMap<>();
        t.put("A1000", activity(wbs, "A1000", "Site preparation", 10, civil, 200));
        t.put("A1010", activity(wbs, "A1010", "Foundations", 15, civil, 300));
        t.put("A1020", activity(wbs, "A1020", "Steel erection", 20, null, 0));
        t.put("A1030", activity(wbs, "A1030", "Electrical", 12, null, 0));
        Task online = activity(wbs, "A1080", "Hall 1 energized", 0, null, 0);
        online.setActivityType(ActivityType.FINISH_MILESTONE);
        online.setMilestone(true);
        t.put("A1080", online);
        Task loe = activity(wbs, "A1090", "Project management", 0, null, 0);
        loe.setActivityType(ActivityType.LEVEL_OF_EFFORT);
        t.put("A1090", loe);
        link(t, "A1000", "A1010", RelationType.FINISH_START);
        link(t, "A1010", "A1020", RelationType.START_START);
        link(t, "A1020", "A1030", RelationType.FINISH_FINISH);
        link(t, "A1030", "A1080", RelationType.FINISH_START);
        for (Task task : t.values()) {
            task.setRemainingDuration(task.getDuration());
        }
        return file;
    }

    /** The site with a relationship back from A1020 to A1000: a cycle. */
    static ProjectFile cyclic() {
        ProjectFile file = site("DC1", "DC1 Abilene");
        Task first = byId(file, "A1000");
        first.addPredecessor(new Relation.Builder().predecessorTask(byId(file, "A1020"))
                .type(RelationType.FINISH_START));
        return file;
    }

    /** Only a WBS node: nothing to schedule. */
    static ProjectFile withoutActivities() {
        ProjectFile file = new ProjectFile();
        file.addDefaultBaseCalendar();
        file.setDefaultCalendar(file.getCalendars().get(0));
        file.getProjectProperties().setProjectID("EMPTY");
        file.getProjectProperties().setStatusDate(DATA_DATE);
        Task wbs = file.addTask();
        wbs.setName("Nothing yet");
        wbs.setWBS("E.1");
        wbs.setSummary(true);
        return file;
    }

    public static byte[] write(ProjectFile file, FileFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new UniversalProjectWriter(format).write(file, out);
        return out.toByteArray();
    }

    /** Two sites in one XER file, as P6 exports several projects at once: two written files merged table by table. */
    public static byte[] twoProjectXer() throws IOException {
        ProjectFile second = site("DC2", "DC2 Quebec");
        second.getProjectProperties().setUniqueID(2);
        for (Task task : second.getTasks()) {
            task.setUniqueID(task.getUniqueID() + 10_000);
            for (Relation relation : task.getPredecessors()) {
                relation.setUniqueID(relation.getUniqueID() == null ? null : relation.getUniqueID() + 10_000);
            }
        }
        for (ProjectCalendar calendar : second.getCalendars()) {
            calendar.setUniqueID(calendar.getUniqueID() + 10_000);
        }
        for (Resource resource : second.getResources()) {
            resource.setUniqueID(resource.getUniqueID() + 10_000);
        }
        for (ResourceAssignment assignment : second.getResourceAssignments()) {
            assignment.setUniqueID(assignment.getUniqueID() + 10_000);
        }
        List<String> a = lines(write(site("DC1", "DC1 Abilene"), FileFormat.XER));
        Map<String, List<String>> tables = tables(a);
        tables(lines(write(second, FileFormat.XER))).forEach((table, rows) -> {
            List<String> merged = tables.computeIfAbsent(table, key -> new ArrayList<>(rows.subList(0, 2)));
            for (String row : rows.subList(2, rows.size())) {
                if (!merged.contains(row)) {
                    merged.add(row);
                }
            }
        });
        List<String> out = new ArrayList<>();
        out.add(a.get(0));
        tables.values().forEach(out::addAll);
        out.add("%E");
        return (String.join("\r\n", out) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String> lines(byte[] xer) {
        return new String(xer, StandardCharsets.ISO_8859_1).lines().toList();
    }

    private static Map<String, List<String>> tables(List<String> lines) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : lines) {
            if (line.startsWith("%T")) {
                current = new ArrayList<>();
                tables.put(line, current);
            }
            if (current != null && !line.startsWith("%E")) {
                current.add(line);
            }
        }
        return tables;
    }

    private static Task byId(ProjectFile file, String activityId) {
        return file.getTasks().stream().filter(task -> activityId.equals(task.getActivityID())).findFirst()
                .orElseThrow();
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

    private static void link(Map<String, Task> tasks, String from, String to, RelationType type) {
        tasks.get(to).addPredecessor(new Relation.Builder().predecessorTask(tasks.get(from)).type(type)
                .lag(Duration.getInstance(0, TimeUnit.HOURS)));
    }
}
