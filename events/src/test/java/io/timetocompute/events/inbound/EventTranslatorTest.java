package io.timetocompute.events.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.timetocompute.events.contract.EventTypes;
import io.timetocompute.events.contract.Suppliers;
import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.replanning.PoolCapacityChange;
import io.timetocompute.scheduler.replanning.PortfolioChange;
import io.timetocompute.scheduler.replanning.PowerDateChange;
import io.timetocompute.scheduler.replanning.ShipmentDelivery;
import io.timetocompute.scheduler.replanning.ShipmentEtaChange;
import io.timetocompute.scheduler.replanning.TaskProgressChange;

class EventTranslatorTest {

    private static final Instant NOW = Instant.parse("2027-02-01T12:00:00Z");
    private static final String NORTHGATE = Suppliers.sourceOf("Northgate");

    private final EventTranslator translator = new EventTranslator();
    private final Portfolio portfolio = TestPortfolios.twoSites();

    private PortfolioChange translate(String type, String source, String json) {
        return translator.translate(new InboundEvent("evt-1", type, source, null, NOW,
                json.getBytes(StandardCharsets.UTF_8)), portfolio);
    }

    @Test
    void supplierSourcesAreSlugsOfTheSupplierName() {
        assertThat(Suppliers.sourceOf("Northgate Transformers, Inc.")).isEqualTo("/suppliers/northgate-transformers-inc");
    }

    @Test
    void eachEventTypeBecomesItsChange() {
        assertThat(translate(EventTypes.SHIPMENT_PLANNED, NORTHGATE,
                "{\"shipmentId\":\"A-XFMR\",\"promisedDate\":\"2027-03-01\"}")).isInstanceOf(ShipmentEtaChange.class);
        assertThat(translate(EventTypes.SHIPMENT_ETA_CHANGED, NORTHGATE,
                "{\"shipmentId\":\"A-XFMR\",\"newDate\":\"2027-03-01\",\"reason\":\"late\"}").description())
                .contains("A-XFMR", "2027-03-01", "late");
        assertThat(translate(EventTypes.SHIPMENT_DELIVERED, NORTHGATE,
                "{\"shipmentId\":\"A-XFMR\",\"deliveredDate\":\"2027-01-30\",\"quantity\":1,\"complete\":true}"))
                .isInstanceOf(ShipmentDelivery.class);
        assertThat(translate(EventTypes.LABOR_CAPACITY_CHANGED, "/field/a",
                "{\"poolId\":\"A-ELEC\",\"from\":\"2027-02-01\",\"to\":\"2027-02-10\",\"delta\":-5}"))
                .isInstanceOf(PoolCapacityChange.class);
        assertThat(translate(EventTypes.LABOR_UNAVAILABLE, "/field/a",
                "{\"poolId\":\"A-ELEC\",\"from\":\"2027-02-01\",\"to\":\"2027-02-03\",\"reason\":\"ice storm\"}")
                .description()).contains("set to 0", "ice storm");
        assertThat(translate(EventTypes.LABOR_HIRES_AVAILABLE, "/field/a",
                "{\"poolId\":\"A-ELEC\",\"count\":12,\"hiredOn\":\"2027-02-01\",\"leadTimeDays\":21}").description())
                .contains("+12", "2027-02-22");
        assertThat(translate(EventTypes.TASK_STARTED, "/field/a",
                "{\"taskId\":\"A-PREP\",\"startedOn\":\"2027-01-05\"}")).isInstanceOf(TaskProgressChange.class);
        assertThat(translate(EventTypes.TASK_REMAINING_UPDATED, "/field/a",
                "{\"taskId\":\"A-PREP\",\"asOf\":\"2027-01-20\",\"remainingDays\":4}").kind())
                .isEqualTo("remaining duration updated");
        assertThat(translate(EventTypes.TASK_COMPLETED, "/field/a",
                "{\"taskId\":\"A-PREP\",\"finishedOn\":\"2027-01-25\"}").kind()).isEqualTo("task completed");
        assertThat(translate(EventTypes.POWER_DATE_CHANGED, "/utility/ercot",
                "{\"siteId\":\"A\",\"powerAvailableDate\":\"2027-06-01\"}")).isInstanceOf(PowerDateChange.class);
    }

    @Test
    void aPartialDeliveryIsRecordedWithoutChangingThePlan() {
        assertThat(translate(EventTypes.SHIPMENT_DELIVERED, NORTHGATE,
                "{\"shipmentId\":\"A-XFMR\",\"deliveredDate\":\"2027-01-30\",\"quantity\":1,\"complete\":false}"))
                .isNull();
    }

    @Test
    void malformedDataIsRefused() {
        assertThatThrownBy(() -> translate(EventTypes.SHIPMENT_ETA_CHANGED, NORTHGATE, "{\"shipmentId\": oops"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("malformed data");
        assertThatThrownBy(() -> translate(EventTypes.SHIPMENT_ETA_CHANGED, NORTHGATE,
                "{\"shipmentId\":\"A-XFMR\",\"newDate\":\"2027-02-30\"}"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("malformed data");
        assertThatThrownBy(() -> translate(EventTypes.SHIPMENT_ETA_CHANGED, NORTHGATE,
                "{\"shipmentId\":\"A-XFMR\",\"newDate\":\"2027-03-01\",\"colour\":\"red\"}"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("colour");
    }

    @Test
    void anUnknownTypeIsRefused() {
        assertThatThrownBy(() -> translate("com.example.other.v1", NORTHGATE, "{}"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("unknown type com.example.other.v1");
    }

    @Test
    void impossibleDatesAreRefused() {
        assertThatThrownBy(() -> translate(EventTypes.SHIPMENT_ETA_CHANGED, NORTHGATE,
                "{\"shipmentId\":\"A-XFMR\",\"newDate\":\"1970-01-01\"}"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not a plausible date");
        assertThatThrownBy(() -> translate(EventTypes.SHIPMENT_DELIVERED, NORTHGATE,
                "{\"shipmentId\":\"A-XFMR\",\"deliveredDate\":\"2027-05-01\"}"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("after the event itself");
        assertThatThrownBy(() -> translate(EventTypes.LABOR_UNAVAILABLE, "/field/a",
                "{\"poolId\":\"A-ELEC\",\"from\":\"2027-02-10\",\"to\":\"2027-02-01\"}"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> translate(EventTypes.LABOR_HIRES_AVAILABLE, "/field/a",
                "{\"poolId\":\"A-ELEC\",\"count\":0,\"hiredOn\":\"2027-02-01\",\"leadTimeDays\":3}"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("must be positive");
    }

    @Test
    void aSupplierMayReportOnlyOnItsOwnShipments() {
        assertThatThrownBy(() -> translate(EventTypes.SHIPMENT_ETA_CHANGED, Suppliers.sourceOf("Rival Electric"),
                "{\"shipmentId\":\"A-XFMR\",\"newDate\":\"2027-03-01\"}"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("/suppliers/rival-electric has no shipment A-XFMR");
        assertThatThrownBy(() -> translate(EventTypes.SHIPMENT_ETA_CHANGED, NORTHGATE,
                "{\"shipmentId\":\"NOPE\",\"newDate\":\"2027-03-01\"}"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("/suppliers/northgate has no shipment NOPE");
    }

    @Test
    void aPlannerMayReportOnAnyShipmentButAnEmptyPlannerSourceIsNoPlanner() {
        assertThat(translate(EventTypes.SHIPMENT_ETA_CHANGED, Suppliers.plannerSource("planner"),
                "{\"shipmentId\":\"A-XFMR\",\"newDate\":\"2027-03-01\"}").subject()).isEqualTo("A-XFMR");
        assertThatThrownBy(() -> translate(EventTypes.SHIPMENT_ETA_CHANGED, "/planners/",
                "{\"shipmentId\":\"A-XFMR\",\"newDate\":\"2027-03-01\"}"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("source /planners/ has no shipment");
    }

    @Test
    void eventsOfOneEntityAreOrderedTogether() {
        PortfolioChange eta = translate(EventTypes.SHIPMENT_ETA_CHANGED, NORTHGATE,
                "{\"shipmentId\":\"A-XFMR\",\"newDate\":\"2027-03-01\"}");
        PortfolioChange delivered = translate(EventTypes.SHIPMENT_DELIVERED, NORTHGATE,
                "{\"shipmentId\":\"A-XFMR\",\"deliveredDate\":\"2027-01-30\"}");
        assertThat(EventTranslator.entityKey(EventTypes.SHIPMENT_ETA_CHANGED, eta))
                .isEqualTo(EventTranslator.entityKey(EventTypes.SHIPMENT_DELIVERED, delivered))
                .isEqualTo("shipment:A-XFMR");
    }
}
