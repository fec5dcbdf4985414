package io.timetocompute.scheduler.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.Relation;
import net.sf.mpxj.Task;
import net.sf.mpxj.reader.UniversalProjectReader;
import net.sf.mpxj.writer.FileFormat;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.timetocompute.scheduler.IndependentScheduleChecker;
import io.timetocompute.scheduler.portfolio.Dependency;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.TaskSchedule;
import io.timetocompute.scheduler.solver.PortfolioSolver;

/** Import a P6 schedule, solve it, export it in each format: MPXJ reads back the same activities, links and dates. */
class ScheduleExporterTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ScheduleExporter.Format.class)
    void mpxjReadsOurExportBackWithTheSameActivitiesRelationshipsAndDates(ScheduleExporter.Format format)
            throws Exception {
        Path source = ScheduleFixtures.write(ScheduleFixtures.dataCenter(true), FileFormat.XER, dir, "dc1.xer");
        Portfolio portfolio = ScheduleImporter.importFile(source, new ScheduleImporter.Options(List.of(),
                ScheduleFixtures.mapping(), false)).portfolio();
        ScheduleProjection projection = PortfolioSolver.solve(portfolio, Duration.ofMillis(500), 1, p -> { })
                .projection();
        assertThat(IndependentScheduleChecker.violations(portfolio, projection)).isEmpty();

        Path exported = dir.resolve("export." + format.name().toLowerCase());
        try (OutputStream out = Files.newOutputStream(exported)) {
            ScheduleExporter.export(portfolio, projection, format, out);
        }
        ProjectFile back = new UniversalProjectReader().read(exported.toFile());

        Map<String, Task> byId = new HashMap<>();
        for (Task task : back.getTasks()) {
            if (!task.getSummary()) {
                byId.put(id(task, format), task);
            }
        }
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(
                portfolio.tasks().stream().map(io.timetocompute.scheduler.portfolio.Task::id).toList());
        for (TaskSchedule schedule : projection.tasks()) {
            Task task = byId.get(schedule.id());
            if ("NOT_STARTED".equals(schedule.status())) {
                assertThat(task.getStart().toLocalDate()).as(schedule.id()).isEqualTo(schedule.start());
                assertThat(task.getFinish().toLocalDate()).as(schedule.id()).isEqualTo(schedule.finish());
            } else {
                assertThat(task.getActualStart()).as(schedule.id()).isNotNull();
            }
        }
        for (io.timetocompute.scheduler.portfolio.Task task : portfolio.tasks()) {
            List<Relation> relations = byId.get(task.id()).getPredecessors();
            assertThat(relations).hasSameSizeAs(task.predecessors());
            for (Dependency dependency : task.predecessors()) {
                assertThat(relations).as(task.id()).anySatisfy(relation -> {
                    assertThat(id(relation.getPredecessorTask(), format)).isEqualTo(dependency.taskId());
                    assertThat(relation.getType().name().replaceAll("([A-Z])[A-Z]*_([A-Z])[A-Z]*", "$1$2"))
                            .isEqualTo(dependency.type().name());
                    assertThat(relation.getLag().convertUnits(net.sf.mpxj.TimeUnit.HOURS,
                            back.getProjectProperties()).getDuration()).isEqualTo(dependency.lagDays() * 8.0);
                });
            }
        }
        // the block's milestone carries the compute-online date, the driving path is flagged
        Task online = byId.get("A1080");
        assertThat(String.valueOf(online.getFieldByAlias(ScheduleExporter.ONLINE_FIELD)))
                .contains("DC1-H1 online " + projection.blocks().get(0).onlineDate());
        assertThat(String.valueOf(byId.get("A1070").getFieldByAlias(ScheduleExporter.DRIVING_FIELD)))
                .contains("DC1-H1");
        // mode and headcount as assignments
        assertThat(byId.get("A1010").getResourceAssignments()).singleElement().satisfies(assignment ->
                assertThat(assignment.getUnits().doubleValue()).isEqualTo(300.0));
    }

    /** P6 keeps the activity id; MS Project has none, so our id travels in a custom field. */
    private static String id(Task task, ScheduleExporter.Format format) {
        if (format == ScheduleExporter.Format.MSPDI) {
            return String.valueOf(task.getFieldByAlias(ScheduleExporter.ID_FIELD));
        }
        return task.getActivityID();
    }
}
