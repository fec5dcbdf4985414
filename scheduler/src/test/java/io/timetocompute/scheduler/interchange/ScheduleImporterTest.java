package io.timetocompute.scheduler.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.Relation;
import net.sf.mpxj.RelationType;
import net.sf.mpxj.Task;
import net.sf.mpxj.writer.FileFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.timetocompute.scheduler.portfolio.Dependency;
import io.timetocompute.scheduler.portfolio.DependencyType;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.TaskStatus;

/** Every mapping rule, on files written by MPXJ's own XER, PMXML and MSPDI writers. */
class ScheduleImporterTest {

    @TempDir
    Path dir;

    private ScheduleImporter.Result importFixture(ProjectFile file, FileFormat format) throws Exception {
        Path path = ScheduleFixtures.write(file, format, dir, "dc1." + format.name().toLowerCase());
        BlockMapping mapping = ScheduleFixtures.mapping();
        if (format == FileFormat.MSPDI) {
            // MS Project has no activity ids: the block's milestone is named
            mapping = new BlockMapping(List.of(new BlockMapping.BlockRule("Hall 1 energized", null, null, "DC1-H1",
                    "Hall 1", 36.0, 1_200_000L, null, 250_000L)), mapping.deliveries());
        }
        return ScheduleImporter.importFile(path, new ScheduleImporter.Options(List.of(), mapping, false));
    }

    private static Map<String, io.timetocompute.scheduler.portfolio.Task> tasksByName(Portfolio portfolio) {
        return portfolio.tasks().stream().collect(Collectors.toMap(
                io.timetocompute.scheduler.portfolio.Task::name, Function.identity()));
    }

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"XER", "PMXML", "MSPDI"})
    void mapsActivitiesRelationshipsCalendarsAndResources(FileFormat format) throws Exception {
        ScheduleImporter.Result result = importFixture(ScheduleFixtures.dataCenter(false), format);
        Portfolio portfolio = result.portfolio();
        Map<String, io.timetocompute.scheduler.portfolio.Task> tasks = tasksByName(portfolio);

        // activities -> tasks, the level of effort reported and not scheduled (MS Project has no such type)
        if (format == FileFormat.MSPDI) {
            assertThat(tasks).hasSize(11);
        } else {
            assertThat(tasks).hasSize(10).doesNotContainKey("Project management");
            assertThat(result.report().dropped()).anyMatch(item -> item.message().startsWith("level of effort"));
        }
        // WBS -> phase with the full path
        assertThat(tasks.get("Foundations").phase()).isEqualTo("DC1 / Civil");
        assertThat(tasks.get("Switchgear installation").phase()).isEqualTo("DC1 / Electrical");
        // durations in hours -> work days of the calendar's hours per day (60 h of 10-hour days: 6)
        assertThat(tasks.get("Steel erection").modes().get(0).durationDays()).isEqualTo(20);
        assertThat(tasks.get("Commissioning").modes().get(0).durationDays()).as(format + " " + result.report().assumptions()).isEqualTo(6);
        assertThat(tasks.get("Hall 1 energized").modes().get(0).durationDays()).isZero();
        // the four relationship types with lags and a lead, in work days
        assertThat(predecessor(tasks, "Foundations")).isEqualTo(dependency(tasks, "Site preparation", DependencyType.FS, 2));
        assertThat(predecessor(tasks, "Steel erection")).isEqualTo(dependency(tasks, "Foundations", DependencyType.SS, 5));
        assertThat(predecessor(tasks, "Roofing")).isEqualTo(dependency(tasks, "Steel erection", DependencyType.FF, 3));
        assertThat(predecessor(tasks, "Temporary power")).isEqualTo(dependency(tasks, "Roofing", DependencyType.SF, 6));
        assertThat(predecessor(tasks, "Electrical rough-in"))
                .isEqualTo(dependency(tasks, "Steel erection", DependencyType.FS, -2));
        // calendars: work week, holiday; the other calendar of one activity reported
        assertThat(portfolio.calendars()).anySatisfy(calendar -> {
            assertThat(calendar.holidays()).contains(ScheduleFixtures.HOLIDAY);
            assertThat(calendar.workingDays()).doesNotContain(DayOfWeek.SATURDAY);
        });
        assertThat(portfolio.calendars()).anyMatch(calendar -> calendar.workingDays().contains(DayOfWeek.SATURDAY));
        assertThat(result.report().assumptions()).anyMatch(item -> item.message().startsWith("calendar Six"));
        // labor resources -> pools with max units over time; assignments -> headcount
        Map<String, LaborPool> byName = portfolio.pools().stream()
                .collect(Collectors.toMap(LaborPool::name, Function.identity()));
        // P6 resource ids, MS Project resource names
        Map<String, LaborPool> pools = Map.of("CIVIL", byName.get("Civil crew"), "ELEC", byName.get("Electricians"),
                "INSP", byName.get("Inspectors"));
        assertThat(pools.get("CIVIL").baseHeadcount()).isEqualTo(4);
        assertThat(tasks.get("Foundations").modes().get(0).crew()).containsEntry(pools.get("CIVIL").id(), 3);
        assertThat(tasks.get("Switchgear installation").modes().get(0).crew()).hasSize(2)
                .containsEntry(pools.get("ELEC").id(), 2).containsEntry(pools.get("INSP").id(), 1);
        assertThat(pools.get("ELEC").baseHeadcount()).isEqualTo(3);
        assertThat(pools.get("ELEC").adjustments()).anySatisfy(adjustment -> {
            assertThat(adjustment.from()).isEqualTo(LocalDate.of(2027, 3, 1));
            assertThat(adjustment.headcount()).isEqualTo(5);
        });
        // a resource without max units is assumed not limiting (MS Project always stores them, 100 % by default);
        // a material resource is reported
        if (format != FileFormat.MSPDI) {
            assertThat(result.report().assumptions()).anyMatch(item -> item.id().equals(pools.get("INSP").id())
                    && item.message().startsWith("no max units"));
        }
        assertThat(result.report().dropped()).anyMatch(item -> item.kind().equals("assignment")
                && item.message().startsWith("material"));
        // the delivery becomes a shipment promised on its start-no-earlier-than date
        assertThat(portfolio.shipments()).singleElement().satisfies(shipment ->
                assertThat(shipment.promisedDate()).isEqualTo(LocalDate.of(2027, 3, 15)));
        assertThat(tasks.get("Switchgear delivery").materials()).hasSize(1);
        // the online milestone brings the block online; its finish-no-later-than becomes the contract date
        assertThat(tasks.get("Hall 1 energized").bringsOnline()).isEqualTo("DC1-H1");
        assertThat(portfolio.sites().get(0).computeBlocks()).singleElement().satisfies(block ->
                assertThat(block.contractDate()).isEqualTo(LocalDate.of(2027, 6, 30)));
        assertThat(result.report().counts()).containsEntry("relationshipsFF", 1).containsEntry("relationshipsSF", 1)
                .containsEntry("relationshipsSS", format == FileFormat.MSPDI ? 2 : 1).containsEntry("pools", 4);
        assertThat(portfolio.dataDate()).isEqualTo(ScheduleFixtures.DATA_DATE);
    }

    private static Dependency predecessor(Map<String, io.timetocompute.scheduler.portfolio.Task> tasks, String name) {
        assertThat(tasks.get(name).predecessors()).hasSize(1);
        return tasks.get(name).predecessors().get(0);
    }

    private static Dependency dependency(Map<String, io.timetocompute.scheduler.portfolio.Task> tasks, String name,
            DependencyType type, int lag) {
        return new Dependency(tasks.get(name).id(), type, lag);
    }

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"XER", "MSPDI"})
    void theForwardPassAgreesWithTheStoredEarlyDatesExceptWhereTheCalendarDiffers(FileFormat format)
            throws Exception {
        ImportReport.Agreement agreement = importFixture(ScheduleFixtures.dataCenter(false), format).report()
                .agreement();
        assertThat(agreement.computed()).isTrue();
        assertThat(agreement.compared()).isEqualTo(10);
        assertThat(agreement.agreeing()).isEqualTo(9);
        assertThat(agreement.percent()).isEqualTo(90.0);
        assertThat(agreement.disagreements()).singleElement().satisfies(disagreement -> {
            assertThat(disagreement.reason()).isEqualTo("calendar");
            assertThat(disagreement.fileFinish()).isEqualTo(LocalDate.of(2027, 3, 31));
        });
    }

    @Test
    void staleStoredDatesAreNamedAsSuch() throws Exception {
        ProjectFile file = ScheduleFixtures.dataCenter(false);
        Task roughIn = file.getTasks().stream().filter(t -> "A1050".equals(t.getActivityID())).findFirst()
                .orElseThrow();
        // as if the lead had been removed after the last scheduling run
        Relation relation = roughIn.getPredecessors().get(0);
        roughIn.removePredecessor(relation.getPredecessorTask(), RelationType.FINISH_START, relation.getLag());
        roughIn.addPredecessor(new Relation.Builder().predecessorTask(relation.getPredecessorTask())
                .type(RelationType.FINISH_START));
        ImportReport.Agreement agreement = importFixture(file, FileFormat.XER).report().agreement();
        assertThat(agreement.staleFileDates()).isEqualTo(1);
        assertThat(agreement.disagreements()).anySatisfy(disagreement -> {
            assertThat(disagreement.taskId()).isEqualTo("A1050");
            assertThat(disagreement.reason()).startsWith("stale file dates");
        });
    }

    @Test
    void progressAtTheDataDateBecomesPinnedWork() throws Exception {
        ScheduleImporter.Result result = importFixture(ScheduleFixtures.dataCenter(true), FileFormat.XER);
        Map<String, io.timetocompute.scheduler.portfolio.Task> tasks = tasksByName(result.portfolio());
        assertThat(tasks.get("Site preparation").progress().status()).isEqualTo(TaskStatus.DONE);
        assertThat(tasks.get("Site preparation").progress().actualFinish()).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(tasks.get("Foundations").progress().status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(tasks.get("Foundations").progress().remainingDays()).isEqualTo(7);
        assertThat(tasks.get("Foundations").progress().actualStart()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(result.report().agreement().computed()).isFalse();
    }

    @Test
    void selectsProjectsByIdAndNamesTheOnesAvailable() throws Exception {
        Path path = ScheduleFixtures.write(ScheduleFixtures.dataCenter(false), FileFormat.XER, dir, "dc1.xer");
        assertThat(ScheduleImporter.listProjects(path)).extracting(ImportReport.ProjectEntry::id)
                .containsExactly("DC1");
        assertThat(ScheduleImporter.importFile(path, new ScheduleImporter.Options(List.of("DC1"), null, false))
                .portfolio().sites()).extracting(site -> site.id()).containsExactly("DC1");
        assertThatThrownBy(() -> ScheduleImporter.importFile(path,
                new ScheduleImporter.Options(List.of("DC9"), null, false)))
                .isInstanceOf(ImportException.class).hasMessageContaining("no project DC9")
                .hasMessageContaining("DC1");
    }

    @Test
    void aTruncatedXerFileIsRefused() throws Exception {
        Path path = ScheduleFixtures.write(ScheduleFixtures.dataCenter(false), FileFormat.XER, dir, "dc1.xer");
        byte[] bytes = Files.readAllBytes(path);
        Path truncated = Files.write(dir.resolve("truncated.xer"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ScheduleImporter.importFile(truncated, ScheduleImporter.Options.all()))
                .isInstanceOf(ImportException.class).hasMessageContaining("truncated XER");
    }

    @Test
    void aTruncatedXmlFileIsRefused() throws Exception {
        Path path = ScheduleFixtures.write(ScheduleFixtures.dataCenter(false), FileFormat.MSPDI, dir, "dc1.xml");
        byte[] bytes = Files.readAllBytes(path);
        Path truncated = Files.write(dir.resolve("truncated.xml"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ScheduleImporter.importFile(truncated, ScheduleImporter.Options.all()))
                .isInstanceOf(ImportException.class).hasMessageContaining("truncated.xml");
    }

    @Test
    void aFileOfAnotherFormatIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "minutes of the site meeting\nnothing else\n");
        assertThatThrownBy(() -> ScheduleImporter.importFile(text, ScheduleImporter.Options.all()))
                .isInstanceOf(ImportException.class).hasMessageContaining("notes.txt");
        Path empty = Files.write(dir.resolve("empty.xer"), new byte[0]);
        assertThatThrownBy(() -> ScheduleImporter.importFile(empty, ScheduleImporter.Options.all()))
                .isInstanceOf(ImportException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> ScheduleImporter.importFile(dir.resolve("missing.xer"),
                ScheduleImporter.Options.all())).isInstanceOf(ImportException.class).hasMessageContaining("not found");
    }

    @Test
    void aScheduleWithoutActivitiesIsRefused() throws Exception {
        ProjectFile file = new ProjectFile();
        file.addDefaultBaseCalendar();
        file.setDefaultCalendar(file.getCalendars().get(0));
        file.getProjectProperties().setProjectID("EMPTY");
        file.getProjectProperties().setStatusDate(LocalDateTime.of(2027, 1, 4, 8, 0));
        Task wbs = file.addTask();
        wbs.setName("Nothing yet");
        wbs.setWBS("E.1");
        wbs.setSummary(true);
        Path path = ScheduleFixtures.write(file, FileFormat.XER, dir, "empty.xer");
        assertThatThrownBy(() -> ScheduleImporter.importFile(path, ScheduleImporter.Options.all()))
                .isInstanceOf(ImportException.class).hasMessageContaining("no activities");
    }

    @Test
    void cyclicRelationshipsAreRefusedNamingTheCycle() throws Exception {
        ProjectFile file = ScheduleFixtures.dataCenter(false);
        Map<String, Task> byId = file.getTasks().stream().filter(t -> t.getActivityID() != null)
                .collect(Collectors.toMap(Task::getActivityID, Function.identity()));
        byId.get("A1000").addPredecessor(new Relation.Builder().predecessorTask(byId.get("A1020"))
                .type(RelationType.FINISH_START));
        Path path = ScheduleFixtures.write(file, FileFormat.XER, dir, "cycle.xer");
        assertThatThrownBy(() -> ScheduleImporter.importFile(path, ScheduleImporter.Options.all()))
                .isInstanceOf(ImportException.class).hasMessageContaining("cycle.xer")
                .hasMessageContaining("A1000").hasMessageContaining("A1020");
    }

    @Test
    void aBlockMappingThatMatchesNoActivityIsRefused() throws Exception {
        Path path = ScheduleFixtures.write(ScheduleFixtures.dataCenter(false), FileFormat.XER, dir, "dc1.xer");
        BlockMapping mapping = new BlockMapping(List.of(new BlockMapping.BlockRule("Z999", null, null, "H9", null,
                1.0, 1L, null, 0L)), null);
        assertThatThrownBy(() -> ScheduleImporter.importFile(path,
                new ScheduleImporter.Options(List.of(), mapping, false)))
                .isInstanceOf(ImportException.class).hasMessageContaining("H9").hasMessageContaining("0 activities");
    }

    @Test
    void aBlockMappingFileIsReadAndCheckedBeforeUse() throws Exception {
        Path mappingFile = Files.writeString(dir.resolve("blocks.json"), """
                {"blocks": [{"activityId": "A1080", "blockId": "DC1-H1", "itMw": 36, "valuePerDay": 1200000,
                             "contractDate": "2027-05-31", "penaltyPerDayLate": 100000}],
                 "deliveries": {"activityIds": ["A1060"]}}
                """, StandardCharsets.UTF_8);
        BlockMapping mapping = BlockMapping.read(mappingFile);
        Path path = ScheduleFixtures.write(ScheduleFixtures.dataCenter(false), FileFormat.XER, dir, "dc1.xer");
        Portfolio portfolio = ScheduleImporter.importFile(path, new ScheduleImporter.Options(List.of(), mapping,
                false)).portfolio();
        assertThat(portfolio.sites().get(0).computeBlocks().get(0).contractDate()).isEqualTo(LocalDate.of(2027, 5, 31));
        assertThat(portfolio.shipments()).hasSize(1);
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"blocks\": [{\"activityId\": \"A1080\", \"itMw\": 3}]}");
        assertThatThrownBy(() -> BlockMapping.read(bad)).isInstanceOf(ImportException.class)
                .hasMessageContaining("blockId");
    }
}
