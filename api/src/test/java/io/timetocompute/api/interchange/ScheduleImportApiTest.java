package io.timetocompute.api.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import net.sf.mpxj.writer.FileFormat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

import io.timetocompute.api.ApiIntegrationTest;

/**
 * Importing a P6 or MS Project file as a new portfolio through the API: a preview that answers the report and keeps
 * nothing, a confirm that creates the portfolio and starts its plan; bad files answered with problems that name
 * what is wrong, and nothing of them kept; only planners import.
 */
class ScheduleImportApiTest extends ApiIntegrationTest {

    private final String id = "imported-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void archiveTheImport() {
        if (session.ids().contains(id)) {
            session.archive(id);
        }
    }

    private static MockMultipartFile file(String name, byte[] bytes) {
        return new MockMultipartFile("file", name, MediaType.APPLICATION_OCTET_STREAM_VALUE, bytes);
    }

    private static MockMultipartFile xer() throws Exception {
        return file("DC1 Abilene.xer", ScheduleFiles.write(ScheduleFiles.site("DC1", "DC1 Abilene"), FileFormat.XER));
    }

    private static MockMultipartFile mspdi() throws Exception {
        return file("DC1 Abilene.xml", ScheduleFiles.write(ScheduleFiles.site("DC1", "DC1 Abilene"),
                FileFormat.MSPDI));
    }

    @Test
    void aPreviewAnswersTheReportAndCreatesNothing() throws Exception {
        mvc.perform(multipart("/api/portfolios/imports/preview").file(xer()).with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.portfolioId").value("dc1-abilene"))
                .andExpect(jsonPath("$.name").value("DC1 Abilene"))
                .andExpect(jsonPath("$.sites").value(1))
                .andExpect(jsonPath("$.tasks").value(5))
                .andExpect(jsonPath("$.pools").value(1))
                .andExpect(jsonPath("$.report.format").value("XER"))
                .andExpect(jsonPath("$.report.projects[0].id").value("DC1"))
                .andExpect(jsonPath("$.report.projects[0].imported").value(true))
                .andExpect(jsonPath("$.report.counts.tasks").value(5))
                .andExpect(jsonPath("$.report.dropped[*].id", hasItem("A1090")))
                .andExpect(jsonPath("$.report.agreement").exists());
        // MS Project has no level of effort: the same schedule as MSPDI has six tasks.
        mvc.perform(multipart("/api/portfolios/imports/preview").file(mspdi()).with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.report.format").value("MSPDI"))
                .andExpect(jsonPath("$.tasks").value(6))
                .andExpect(jsonPath("$.report.counts.relationshipsFF").value(1));
        assertThat(session.ids()).doesNotContain("dc1-abilene");
        mvc.perform(get("/api/portfolios/dc1-abilene").with(planner()))
                .andExpect(problem(404, "not-found", "dc1-abilene"));
    }

    @Test
    void aMultiProjectXerListsItsProjectsAndImportsTheChosenOnes() throws Exception {
        MockMultipartFile xer = file("program.xer", ScheduleFiles.twoProjectXer());
        mvc.perform(multipart("/api/portfolios/imports/preview").file(xer).with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.report.format").value("XER"))
                .andExpect(jsonPath("$.report.projects[*].id", containsInAnyOrder("DC1", "DC2")))
                .andExpect(jsonPath("$.sites").value(2));
        mvc.perform(multipart("/api/portfolios/imports/preview").file(xer).param("project", "DC2").with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sites").value(1))
                .andExpect(jsonPath("$.report.projects[?(@.id == 'DC2')].imported").value(true))
                .andExpect(jsonPath("$.report.projects[?(@.id == 'DC1')].imported").value(false));
        mvc.perform(multipart("/api/portfolios/imports/preview").file(xer).param("project", "DC9").with(planner()))
                .andExpect(problem(400, "invalid-schedule-file", "no project DC9"));

        mvc.perform(multipart("/api/portfolios/imports").file(xer).param("project", "DC2")
                        .param("portfolioId", id).with(planner()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sites").value(1));
        mvc.perform(get("/api/portfolios/{id}/sites", id).with(planner()))
                .andExpect(jsonPath("$[*].id", containsInAnyOrder("DC2")));
    }

    @Test
    void aConfirmCreatesThePortfolioAndStartsItsPlan() throws Exception {
        MockMultipartFile blocks = new MockMultipartFile("blocks", "blocks.json", MediaType.APPLICATION_JSON_VALUE,
                """
                {"blocks": [{"activityId": "A1080", "blockId": "DC1-H1", "name": "Hall 1", "itMw": 36,
                             "valuePerDay": 1200000}]}
                """.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/portfolios/imports").file(xer()).file(blocks).param("portfolioId", id)
                        .with(planner()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/api/portfolios/" + id)))
                .andExpect(jsonPath("$.portfolioId").value(id))
                .andExpect(jsonPath("$.tasks").value(5))
                .andExpect(jsonPath("$.blocks").value(1))
                .andExpect(jsonPath("$.origin").value("imported from DC1 Abilene.xer (XER) through the API by "
                        + "planner"))
                .andExpect(jsonPath("$.report.counts.tasks").value(5));
        assertThat(session.ids()).contains(id);
        await().atMost(Duration.ofSeconds(60)).until(() -> session.latestPublication(id).isPresent());
        mvc.perform(get("/api/portfolios/{id}", id).with(executive()))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.blocks").value(1));
        mvc.perform(get("/api/portfolios/{id}/blocks/DC1-H1", id).with(executive()))
                .andExpect(status().isOk());

        // The same file again under the same id: refused, the first stays.
        mvc.perform(multipart("/api/portfolios/imports").file(mspdi()).param("portfolioId", id).with(planner()))
                .andExpect(problem(409, "portfolio-exists", id));
    }

    @Test
    void badFilesAreRefusedNamingTheProblemAndNothingIsKept() throws Exception {
        byte[] xer = ScheduleFiles.write(ScheduleFiles.site("DC1", "DC1 Abilene"), FileFormat.XER);
        byte[] mspdi = ScheduleFiles.write(ScheduleFiles.site("DC1", "DC1 Abilene"), FileFormat.MSPDI);
        for (String path : new String[] {"/api/portfolios/imports/preview", "/api/portfolios/imports"}) {
            mvc.perform(multipart(path).file(file("dc1.xer", Arrays.copyOf(xer, xer.length / 2)))
                            .param("portfolioId", id).with(planner()))
                    .andExpect(problem(400, "invalid-schedule-file", "truncated XER"));
            mvc.perform(multipart(path).file(file("dc1.xml", Arrays.copyOf(mspdi, mspdi.length / 2)))
                            .param("portfolioId", id).with(planner()))
                    .andExpect(problem(400, "invalid-schedule-file", "dc1.xml"));
            mvc.perform(multipart(path).file(file("minutes.txt", "site meeting\nnothing else\n"
                            .getBytes(StandardCharsets.UTF_8))).param("portfolioId", id).with(planner()))
                    .andExpect(problem(400, "invalid-schedule-file", "not a schedule file"));
            mvc.perform(multipart(path).file(file("empty.xer", new byte[0])).param("portfolioId", id)
                            .with(planner()))
                    .andExpect(problem(400, "invalid-schedule-file", "empty.xer is empty"));
            mvc.perform(multipart(path).file(file("nothing.xer",
                            ScheduleFiles.write(ScheduleFiles.withoutActivities(), FileFormat.XER)))
                            .param("portfolioId", id).with(planner()))
                    .andExpect(problem(400, "invalid-schedule-file", "no activities"));
            mvc.perform(multipart(path).file(file("cycle.xer",
                            ScheduleFiles.write(ScheduleFiles.cyclic(), FileFormat.XER)))
                            .param("portfolioId", id).with(planner()))
                    .andExpect(problem(400, "invalid-schedule-file", "cycle.xer"))
                    .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString("A1000")));
            mvc.perform(multipart(path).file(file("dc1.xml", mspdi)).file(new MockMultipartFile("blocks",
                            "blocks.json", MediaType.APPLICATION_JSON_VALUE, "{\"blocks\": [{\"itMw\": 3}]}"
                            .getBytes(StandardCharsets.UTF_8))).param("portfolioId", id).with(planner()))
                    .andExpect(problem(400, "invalid-schedule-file", "every block needs a blockId"));
            mvc.perform(multipart(path).param("portfolioId", id).with(planner()))
                    .andExpect(problem(400, "invalid-request", "file: is missing"));
        }
        mvc.perform(multipart("/api/portfolios/imports").file(file("dc1.xml", mspdi)).param("portfolioId", "Not_OK")
                        .with(planner()))
                .andExpect(problem(400, "invalid-portfolio-id", "Not_OK"));
        assertThat(session.ids()).doesNotContain(id);
        mvc.perform(get("/api/portfolios/{id}", id).with(planner())).andExpect(problem(404, "not-found", id));
    }

    @Test
    void onlyPlannersImport() throws Exception {
        for (String path : new String[] {"/api/portfolios/imports/preview", "/api/portfolios/imports"}) {
            mvc.perform(multipart(path).file(mspdi()).param("portfolioId", id).with(executive()))
                    .andExpect(problem(403, "forbidden", "your role may not POST"));
            mvc.perform(multipart(path).file(mspdi()).param("portfolioId", id).with(supplier()))
                    .andExpect(status().isForbidden());
        }
        // Anonymous: refused for want of a CSRF token, and with one for want of credentials.
        mvc.perform(multipart("/api/portfolios/imports").file(mspdi()).param("portfolioId", id)
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/portfolios/imports").file(mspdi()).param("portfolioId", id)
                        .accept(MediaType.APPLICATION_JSON).with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isUnauthorized());
        assertThat(session.ids()).doesNotContain(id);
    }
}
