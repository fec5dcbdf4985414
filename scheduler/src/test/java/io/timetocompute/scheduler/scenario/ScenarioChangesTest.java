package io.timetocompute.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.replanning.PortfolioChange;

/** Every inbound type of docs/events.md and every lever type of docs/scenarios.md, read from structured mode. */
class ScenarioChangesTest {

    private static String event(String id, String type, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"" + type
                + "\",\"source\":\"/planners/test\",\"time\":\"2027-01-04T08:00:00Z\",\"data\":" + data + "}";
    }

    private static List<PortfolioChange> read(String... events) {
        String json = "[" + String.join(",", events) + "]";
        return ScenarioChanges.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void readsEveryInboundTypeAndEveryLever() {
        List<PortfolioChange> changes = read(
                event("1", "io.timetocompute.supply.shipment.planned.v1",
                        "{\"shipmentId\":\"S\",\"promisedDate\":\"2027-03-01\"}"),
                event("2", "io.timetocompute.supply.shipment.eta-changed.v1",
                        "{\"shipmentId\":\"S\",\"newDate\":\"2027-04-01\",\"reason\":\"late\"}"),
                event("3", "io.timetocompute.supply.shipment.delivered.v1",
                        "{\"shipmentId\":\"S\",\"deliveredDate\":\"2027-05-01\",\"quantity\":1,\"complete\":true}"),
                event("4", "io.timetocompute.labor.capacity-changed.v1",
                        "{\"poolId\":\"P\",\"from\":\"2027-02-01\",\"to\":\"2027-02-10\",\"delta\":-3}"),
                event("5", "io.timetocompute.labor.unavailable.v1",
                        "{\"poolId\":\"P\",\"from\":\"2027-02-01\",\"to\":\"2027-02-03\",\"reason\":\"storm\"}"),
                event("6", "io.timetocompute.labor.hires-available.v1",
                        "{\"poolId\":\"P\",\"count\":5,\"hiredOn\":\"2027-02-01\",\"leadTimeDays\":14}"),
                event("7", "io.timetocompute.progress.task-started.v1",
                        "{\"taskId\":\"T\",\"startedOn\":\"2027-01-04\"}"),
                event("8", "io.timetocompute.progress.remaining-updated.v1",
                        "{\"taskId\":\"T\",\"asOf\":\"2027-01-05\",\"remainingDays\":3}"),
                event("9", "io.timetocompute.progress.task-completed.v1",
                        "{\"taskId\":\"T\",\"finishedOn\":\"2027-01-08\"}"),
                event("10", "io.timetocompute.progress.power-date-changed.v1",
                        "{\"siteId\":\"X\",\"powerAvailableDate\":\"2027-06-01\"}"),
                event("11", "io.timetocompute.lever.headcount.v1",
                        "{\"poolId\":\"P\",\"from\":\"2027-02-01\",\"to\":\"2027-03-01\",\"delta\":4}"),
                event("12", "io.timetocompute.lever.mode.v1", "{\"mode\":\"overtime\",\"allowed\":false}"),
                event("13", "io.timetocompute.lever.expedite.v1", "{\"shipmentId\":\"S\",\"date\":\"2027-02-15\"}"),
                event("14", "io.timetocompute.lever.contract-date.v1",
                        "{\"blockId\":\"B\",\"contractDate\":\"2027-09-01\"}"),
                event("15", "io.timetocompute.lever.block-value.v1", "{\"blockId\":\"B\",\"valuePerDay\":5}"));

        assertThat(changes).extracting(PortfolioChange::description).containsExactly(
                "shipment S now expected 2027-03-01 (planned)",
                "shipment S now expected 2027-04-01 (late)",
                "shipment S delivered 2027-05-01",
                "pool P headcount -3 from 2027-02-01 to 2027-02-10",
                "pool P headcount set to 0 from 2027-02-01 to 2027-02-03 (storm)",
                "pool P headcount +5 from 2027-02-15 to open (5 hires available)",
                "task T started 2027-01-04",
                "task T has 3 work day(s) left as of 2027-01-05",
                "task T completed 2027-01-08",
                "site X power available 2027-06-01",
                "pool P +4 people from 2027-02-01 to 2027-03-01",
                "mode overtime forbidden on every site",
                "shipment S expedited to 2027-02-15",
                "block B contract date moved to 2027-09-01",
                "block B worth 5 per day");
        assertThat(changes).extracting(PortfolioChange::eventId).containsExactly("1", "2", "3", "4", "5", "6", "7",
                "8", "9", "10", "11", "12", "13", "14", "15");
        assertThat(changes.get(0).occurredAt()).hasToString("2027-01-04T08:00:00Z");
    }

    @Test
    void refusesWhatIsNotAStructuredCloudEvent() {
        assertThatThrownBy(() -> read("{\"id\":\"1\"}")).isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("event #1: specversion must be 1.0");
        assertThatThrownBy(() -> read(event("1", "io.timetocompute.lever.mode.v1", "{\"mode\":\"overtime\"}"),
                event("1", "io.timetocompute.lever.mode.v1", "{\"mode\":\"overtime\",\"allowed\":true}")))
                .hasMessage("test.json: event #1: allowed is missing");
        assertThatThrownBy(() -> read(event("1", "io.timetocompute.lever.mode.v1",
                "{\"mode\":\"overtime\",\"allowed\":true}"), event("1", "io.timetocompute.lever.mode.v1",
                "{\"mode\":\"overtime\",\"allowed\":true}"))).hasMessageContaining("id 1 is used twice");
        assertThatThrownBy(() -> ScenarioChanges.read(new ByteArrayInputStream("{}".getBytes()), "x.json"))
                .hasMessage("x.json must hold a JSON array of CloudEvents");
    }
}
