package io.timetocompute.api.tasks;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.api.ApiIntegrationTest;

class TaskApiTest extends ApiIntegrationTest {

    @Test
    void pagesThroughASitesTasks() throws Exception {
        long ohioTasks = session.plan(LivePlans.DEMO).portfolio().tasks().stream().filter(task -> task.siteId().equals("OH1")).count();
        mvc.perform(get("/api/portfolios/demo/tasks").param("siteId", "OH1").param("page", "0").param("size", "10")
                        .with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(10))
                .andExpect(jsonPath("$.total").value(ohioTasks))
                .andExpect(jsonPath("$.items", hasSize(10)))
                .andExpect(jsonPath("$.items[*].siteId", everyItem(is("OH1"))));
        int lastPage = (int) ((ohioTasks - 1) / 10);
        mvc.perform(get("/api/portfolios/demo/tasks").param("siteId", "OH1").param("page", String.valueOf(lastPage))
                        .param("size", "10").with(planner()))
                .andExpect(jsonPath("$.items", hasSize((int) (ohioTasks - lastPage * 10L))));
        mvc.perform(get("/api/portfolios/demo/tasks").with(planner()))
                .andExpect(jsonPath("$.total").value(301))
                .andExpect(jsonPath("$.items", hasSize(50)));
    }

    @Test
    void invalidPagesAndUnknownSitesAreProblems() throws Exception {
        mvc.perform(get("/api/portfolios/demo/tasks").param("size", "0").with(planner()))
                .andExpect(problem(400, "invalid-request", "size: must be greater than or equal to 1"));
        mvc.perform(get("/api/portfolios/demo/tasks").param("page", "-1").with(planner()))
                .andExpect(problem(400, "invalid-request", "page: must be greater than or equal to 0"));
        mvc.perform(get("/api/portfolios/demo/tasks").param("siteId", "NOPE").with(planner()))
                .andExpect(problem(404, "not-found", "no site 'NOPE'"));
        mvc.perform(get("/api/portfolios/demo/tasks/{id}", "NOPE").with(planner()))
                .andExpect(problem(404, "not-found", "no task 'NOPE'"));
    }

    @Test
    void showsATaskWithItsDefinitionAndProgress() throws Exception {
        mvc.perform(get("/api/portfolios/demo/tasks/{id}", "OH1-CLEAR-GRADE").with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("OH1-CLEAR-GRADE"))
                .andExpect(jsonPath("$.siteId").value("OH1"))
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.predecessors[*].taskId", contains("OH1-MOBILIZE")))
                .andExpect(jsonPath("$.progress.status").value("DONE"))
                .andExpect(jsonPath("$.poolIds", hasSize(greaterThan(0))));
    }

    @Test
    void progressReportsBecomeTheTaskEventsChanges() throws Exception {
        mvc.perform(post("/api/portfolios/demo/tasks/{id}/progress", "OH1-SITE-UTIL").with(planner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"STARTED\",\"date\":\"2026-11-20\",\"remainingDays\":20}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.detail").value("task OH1-SITE-UTIL has 20 work day(s) left as of 2026-11-20"));
        mvc.perform(get("/api/portfolios/demo/tasks/{id}", "OH1-SITE-UTIL").with(planner()))
                .andExpect(jsonPath("$.progress.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.progress.remainingDays").value(20));
        mvc.perform(post("/api/portfolios/demo/tasks/{id}/progress", "OH1-SITE-UTIL").with(planner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"COMPLETED\",\"date\":\"2020-01-01\"}"))
                .andExpect(problem(422, "change-refused", "task OH1-SITE-UTIL cannot finish 2020-01-01 before it started"));
    }

    @Test
    void invalidProgressReportsNameTheField() throws Exception {
        mvc.perform(post("/api/portfolios/demo/tasks/{id}/progress", "OH1-SITE-UTIL").with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"COMPLETED\",\"date\":\"2099-01-01\"}"))
                .andExpect(problem(400, "invalid-request", "date: must be a date in the past or in the present"));
        mvc.perform(post("/api/portfolios/demo/tasks/{id}/progress", "OH1-SITE-UTIL").with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"COMPLETED\",\"remainingDays\":3}"))
                .andExpect(problem(400, "invalid-request", "remainingDays is only for STARTED"));
        mvc.perform(post("/api/portfolios/demo/tasks/{id}/progress", "OH1-SITE-UTIL").with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"PAUSED\"}"))
                .andExpect(problem(400, "invalid-request", "status: "));
        mvc.perform(post("/api/portfolios/demo/tasks/{id}/progress", "NOPE").with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"STARTED\"}"))
                .andExpect(problem(404, "not-found", "no task 'NOPE'"));
    }
}
