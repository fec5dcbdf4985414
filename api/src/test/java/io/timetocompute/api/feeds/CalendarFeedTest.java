package io.timetocompute.api.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.timetocompute.api.FullServiceTest;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.scheduler.projection.ScheduleProjection.BlockProjection;
import io.timetocompute.scheduler.replanning.LivePlan;

/** The calendar feed, read back with the library that wrote it. */
@FullServiceTest
class CalendarFeedTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    LivePlans session;

    @Test
    void oneAllDayEventPerBlockOnItsProjectedDate() {
        // Another test's event may be published between the request and the check: compare within one version.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            LivePlan.Publication before = session.latestPublication(LivePlans.DEMO).orElseThrow();
            MvcResult result = mvc.perform(get("/api/portfolios/demo/calendar.ics").with(httpBasic("executive", "demo"))).andReturn();
            LivePlan.Publication after = session.latestPublication(LivePlans.DEMO).orElseThrow();
            assertThat(after.version()).isEqualTo(before.version());
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(result.getResponse().getContentType()).startsWith("text/calendar");

            ICalendar calendar = Biweekly.parse(result.getResponse().getContentAsString()).first();
            Map<String, BlockProjection> blocks = after.projection().blocks().stream()
                    .collect(Collectors.toMap(BlockProjection::blockId, Function.identity()));
            assertThat(calendar.getEvents()).hasSize(blocks.size());
            for (VEvent event : calendar.getEvents()) {
                String blockId = event.getUid().getValue().replace("@timetocompute", "");
                BlockProjection block = blocks.get(blockId);
                assertThat(block).as(event.getUid().getValue()).isNotNull();
                assertThat(event.getDateStart().getValue().hasTime()).isFalse();
                assertThat(LocalDate.ofInstant(event.getDateStart().getValue().toInstant(), ZoneId.systemDefault()))
                        .isEqualTo(block.onlineDate());
                assertThat(event.getSummary().getValue()).isEqualTo(block.siteName() + " " + block.blockId()
                        + " online (" + Math.round(block.itMw()) + " MW)");
                assertThat(event.getDescription().getValue()).startsWith(block.blockName())
                        .contains(block.contractDate() == null ? "No contract date"
                                : "Contract date " + block.contractDate());
            }
        });
    }
}
