package io.timetocompute.scheduler.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.sf.mpxj.ProjectCalendar;
import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.Relation;
import net.sf.mpxj.Resource;
import net.sf.mpxj.ResourceAssignment;
import net.sf.mpxj.Task;
import net.sf.mpxj.writer.FileFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.timetocompute.scheduler.portfolio.Portfolio;

/** An XER file holding two projects (as P6 exports several at once): listed, imported one or both as sites. */
class MultiProjectXerTest {

    @TempDir
    Path dir;

    @Test
    void listsTheProjectsAndImportsOneOrBothAsSites() throws Exception {
        Path file = twoProjects();
        assertThat(ScheduleImporter.listProjects(file)).extracting(ImportReport.ProjectEntry::id)
                .containsExactlyInAnyOrder("DC1", "DC2");

        Portfolio one = ScheduleImporter.importFile(file, new ScheduleImporter.Options(List.of("DC2"), null, false))
                .portfolio();
        assertThat(one.sites()).extracting(site -> site.id()).containsExactly("DC2");
        assertThat(one.tasks()).extracting(task -> task.id()).contains("A1000");

        ScheduleImporter.Result both = ScheduleImporter.importFile(file, ScheduleImporter.Options.all());
        assertThat(both.portfolio().sites()).extracting(site -> site.id()).containsExactlyInAnyOrder("DC1", "DC2");
        // the same activity ids in both projects are told apart by their project
        assertThat(both.portfolio().tasks()).extracting(task -> task.id()).contains("DC1/A1000", "DC2/A1000");
        assertThat(both.portfolio().tasks()).filteredOn(task -> task.id().equals("DC2/A1010"))
                .singleElement().satisfies(task -> assertThat(task.predecessors().get(0).taskId())
                        .isEqualTo("DC2/A1000"));
        assertThat(both.report().projects()).allMatch(ImportReport.ProjectEntry::imported);
    }

    /** Two MPXJ-written XER files merged table by table, the second with its ids moved out of the first's way. */
    private Path twoProjects() throws Exception {
        ProjectFile first = ScheduleFixtures.dataCenter(false);
        ProjectFile second = ScheduleFixtures.dataCenter(false);
        second.getProjectProperties().setProjectID("DC2");
        second.getProjectProperties().setName("DC2 Quebec");
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
        Path a = ScheduleFixtures.write(first, FileFormat.XER, dir, "a.xer");
        Path b = ScheduleFixtures.write(second, FileFormat.XER, dir, "b.xer");
        Map<String, List<String>> tables = tables(Files.readAllLines(a, StandardCharsets.ISO_8859_1));
        tables(Files.readAllLines(b, StandardCharsets.ISO_8859_1)).forEach((table, lines) -> {
            List<String> merged = tables.computeIfAbsent(table, t -> new ArrayList<>(lines.subList(0, 2)));
            for (String line : lines.subList(2, lines.size())) {
                if (!merged.contains(line)) {
                    merged.add(line);
                }
            }
        });
        List<String> out = new ArrayList<>();
        out.add(Files.readAllLines(a, StandardCharsets.ISO_8859_1).get(0));
        tables.values().forEach(out::addAll);
        out.add("%E");
        return Files.write(dir.resolve("two-projects.xer"), out, StandardCharsets.ISO_8859_1);
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
}
