package io.timetocompute.api.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.Task;
import net.sf.mpxj.reader.UniversalProjectReader;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import io.timetocompute.api.ApiIntegrationTest;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * The current plan out as P6 XER, P6 PMXML and MS Project MSPDI: the right content type and file name, read back by
 * MPXJ with every task and the published dates; planners and executives may export, suppliers may not.
 */
class ScheduleExportApiTest extends ApiIntegrationTest {

    @Test
    void eachFormatIsAFileThatReadsBackWithThePlannedTasksAndDates() throws Exception {
        record Expected(String format, String contentType, String fileName) {
        }
        for (Expected expected : List.of(
                new Expected("xer", "application/x-primavera-xer", "demo.xer"),
                new Expected("pmxml", "application/xml", "demo-p6.xml"),
                new Expected("mspdi", "application/xml", "demo-msproject.xml"))) {
            // The demo publishes now and then: compare with the publication the file was written from.
            MvcResult result = null;
            LivePlan.Publication publication = null;
            for (int attempt = 0; attempt < 10 && publication == null; attempt++) {
                result = mvc.perform(get("/api/portfolios/demo/export").param("format", expected.format())
                                .with(executive()))
                        .andExpect(status().isOk())
                        .andExpect(content().contentType(expected.contentType()))
                        .andExpect(header().string("Content-Disposition",
                                "attachment; filename=\"" + expected.fileName() + "\""))
                        .andReturn();
                long version = Long.parseLong(result.getResponse().getHeader("X-Schedule-Version"));
                LivePlan.Publication latest = session.latestPublication(LivePlans.DEMO).orElseThrow();
                publication = latest.version() == version ? latest : null;
            }
            assertThat(publication).as("a publication stable for one export").isNotNull();

            ProjectFile back = new UniversalProjectReader().read(
                    new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
            Map<String, Task> byId = new HashMap<>();
            for (Task task : back.getTasks()) {
                if (!task.getSummary()) {
                    // MS Project has no activity ids: our task id is in a custom field.
                    byId.put("mspdi".equals(expected.format()) ? String.valueOf(task.getFieldByAlias("TTC task id"))
                            : task.getActivityID(), task);
                }
            }
            ScheduleProjection projection = publication.projection();
            assertThat(byId.keySet()).as(expected.format()).containsExactlyInAnyOrderElementsOf(
                    projection.tasks().stream().map(ScheduleProjection.TaskSchedule::id).toList());
            int compared = 0;
            for (ScheduleProjection.TaskSchedule schedule : projection.tasks()) {
                Task task = byId.get(schedule.id());
                if ("NOT_STARTED".equals(schedule.status())) {
                    assertThat(task.getStart().toLocalDate()).as(schedule.id()).isEqualTo(schedule.start());
                    assertThat(task.getFinish().toLocalDate()).as(schedule.id()).isEqualTo(schedule.finish());
                    compared++;
                }
            }
            assertThat(compared).isGreaterThan(100);
        }
    }

    @Test
    void executivesAndPlannersExportSuppliersDoNotAndBadRequestsAreProblems() throws Exception {
        mvc.perform(get("/api/portfolios/demo/export").param("format", "mspdi").with(planner()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/portfolios/demo/export").param("format", "xer").with(supplier()))
                .andExpect(status().isForbidden());
        // The portfolio JSON stays the planners'.
        mvc.perform(get("/api/portfolios/demo/export").with(executive()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/portfolios/demo/export").param("format", "json").with(executive()))
                .andExpect(problem(400, "invalid-portfolio", "unknown export format json"));
        mvc.perform(get("/api/portfolios/demo/export").param("format", "mpp").with(planner()))
                .andExpect(problem(400, "invalid-portfolio", "xer, pmxml or mspdi"));
        mvc.perform(get("/api/portfolios/demo/export").param("format", "xer").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/portfolios/nope/export").param("format", "xer").with(planner()))
                .andExpect(problem(404, "not-found", "no portfolio 'nope'"));
    }
}
