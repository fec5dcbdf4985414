package io.timetocompute.scheduler.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.TaskStatus;

/** Files saved by Primavera P6 itself (sources and license: src/test/resources/interchange/README.md). */
class RealWorldScheduleTest {

    private static Path resource(String name) throws Exception {
        return Path.of(RealWorldScheduleTest.class.getResource("/interchange/" + name).toURI());
    }

    @Test
    void aCompletedActivityOfP6Version8IsPinnedAsDone() throws Exception {
        ScheduleImporter.Result result = ScheduleImporter.importFile(resource("mpxj-PredecessorCalendar.xer"),
                ScheduleImporter.Options.all());
        Portfolio portfolio = result.portfolio();
        assertThat(portfolio.sites()).singleElement().satisfies(site -> {
            assertThat(site.id()).isEqualTo("TEST PROJECT");
            assertThat(site.calendar()).isEqualTo("5 Day");
        });
        // last_recalc_date 2019-10-02 00:00
        assertThat(portfolio.dataDate()).isEqualTo(LocalDate.of(2019, 10, 2));
        assertThat(portfolio.tasks()).singleElement().satisfies(task -> {
            assertThat(task.id()).isEqualTo("A1000");
            assertThat(task.modes().get(0).durationDays()).isEqualTo(3);
            assertThat(task.progress().status()).isEqualTo(TaskStatus.DONE);
            assertThat(task.progress().actualStart()).isEqualTo(LocalDate.of(2019, 6, 10));
            assertThat(task.progress().actualFinish()).isEqualTo(LocalDate.of(2019, 6, 12));
        });
        // the project calendar's holidays (exceptions stored as day numbers) are dates
        assertThat(portfolio.calendars().get(0).holidays()).contains(LocalDate.of(2019, 12, 25));
        // its mandatory start (CS_MSOA) has no equivalent and is reported
        assertThat(result.report().assumptions()).anyMatch(item -> item.id().equals("A1000"));
        assertThat(result.report().agreement().computed()).isFalse();
    }

    @Test
    void aLaborResourceWithMaxUnitsOfP6Version20IsAPool() throws Exception {
        ScheduleImporter.Result result = ScheduleImporter.importFile(resource("mpxj-resource-rates-test.xer"),
                ScheduleImporter.Options.all());
        Portfolio portfolio = result.portfolio();
        assertThat(portfolio.pools()).singleElement().satisfies(pool -> {
            assertThat(pool.id()).isEqualTo("R1");
            assertThat(pool.baseHeadcount()).isEqualTo(1);
        });
        // 30 days of 8 hours; five assignments of one person each to a resource of max one: capped and reported
        assertThat(portfolio.tasks()).singleElement().satisfies(task -> {
            assertThat(task.modes().get(0).durationDays()).isEqualTo(30);
            assertThat(task.modes().get(0).crew()).containsEntry("R1", 1);
        });
        assertThat(result.report().assumptions()).anyMatch(item -> item.message().contains("capped"));
        assertThat(result.report().counts()).containsEntry("assignments", 5);
    }
}
