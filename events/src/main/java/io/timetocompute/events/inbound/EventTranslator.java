package io.timetocompute.events.inbound;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.timetocompute.events.contract.EventData;
import io.timetocompute.events.contract.EventTypes;
import io.timetocompute.events.contract.Suppliers;
import io.timetocompute.scheduler.portfolio.CapacityAdjustment;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.replanning.PoolCapacityChange;
import io.timetocompute.scheduler.replanning.PortfolioChange;
import io.timetocompute.scheduler.replanning.PowerDateChange;
import io.timetocompute.scheduler.replanning.ShipmentDelivery;
import io.timetocompute.scheduler.replanning.ShipmentEtaChange;
import io.timetocompute.scheduler.replanning.TaskProgressChange;

/**
 * Turns an inbound event into the portfolio change it asks for, or says precisely why it cannot: malformed data,
 * an unknown type, impossible dates, or a supplier writing about another supplier's shipment. Whether the ids it
 * names exist is checked when the change is applied to the portfolio.
 */
public final class EventTranslator {

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    /** Longest free text in an event's data (a reason, a mode), in characters. */
    public static final int MAX_TEXT_LENGTH = 500;

    private final ObjectMapper mapper = PortfolioJson.mapper();

    /** @return the change, or null for an event that is recorded but changes nothing (a partial delivery) */
    public PortfolioChange translate(InboundEvent event, Portfolio portfolio) {
        require(event.id() != null && !event.id().isBlank(), "the event has no id");
        require(event.type() != null, "event " + event.id() + " has no type");
        require(event.data() != null && event.data().length > 0, "event " + event.id() + " has no data");
        LocalDate eventDay = LocalDate.ofInstant(event.time(), ZoneOffset.UTC);
        String id = event.id();
        return switch (event.type()) {
            case EventTypes.SHIPMENT_PLANNED -> {
                var data = read(event, EventData.ShipmentPlanned.class);
                checkSupplier(event, portfolio, data.shipmentId());
                yield new ShipmentEtaChange(id, event.time(), data.shipmentId(), date(data.promisedDate(),
                        "promisedDate"), "planned");
            }
            case EventTypes.SHIPMENT_ETA_CHANGED -> {
                var data = read(event, EventData.ShipmentEtaChanged.class);
                checkSupplier(event, portfolio, data.shipmentId());
                yield new ShipmentEtaChange(id, event.time(), data.shipmentId(), date(data.newDate(), "newDate"),
                        text(data.reason(), "reason"));
            }
            case EventTypes.SHIPMENT_DELIVERED -> {
                var data = read(event, EventData.ShipmentDelivered.class);
                checkSupplier(event, portfolio, data.shipmentId());
                LocalDate delivered = notAfter(date(data.deliveredDate(), "deliveredDate"), eventDay, "deliveredDate");
                yield Boolean.FALSE.equals(data.complete()) ? null
                        : new ShipmentDelivery(id, event.time(), data.shipmentId(), delivered);
            }
            case EventTypes.LABOR_CAPACITY_CHANGED -> {
                var data = read(event, EventData.CapacityChanged.class);
                require((data.headcount() == null) != (data.delta() == null),
                        "event " + id + ": give exactly one of headcount and delta");
                require(data.headcount() == null || data.headcount() >= 0,
                        "event " + id + ": headcount " + data.headcount() + " is negative");
                yield new PoolCapacityChange(id, event.time(), required(data.poolId(), "poolId"),
                        new CapacityAdjustment(range(data.from(), data.to(), "from"), data.to(), data.headcount(),
                                data.delta(), text(data.reason(), "reason")));
            }
            case EventTypes.LABOR_UNAVAILABLE -> {
                var data = read(event, EventData.PoolUnavailable.class);
                LocalDate from = date(data.from(), "from");
                yield new PoolCapacityChange(id, event.time(), required(data.poolId(), "poolId"),
                        CapacityAdjustment.absolute(range(from, date(data.to(), "to"), "from"), data.to(), 0,
                                data.reason() == null ? "unavailable" : text(data.reason(), "reason")));
            }
            case EventTypes.LABOR_HIRES_AVAILABLE -> {
                var data = read(event, EventData.HiresAvailable.class);
                require(data.count() > 0, "event " + id + ": count " + data.count() + " must be positive");
                require(data.leadTimeDays() >= 0, "event " + id + ": leadTimeDays " + data.leadTimeDays()
                        + " is negative");
                LocalDate available = date(data.hiredOn(), "hiredOn").plusDays(data.leadTimeDays());
                yield new PoolCapacityChange(id, event.time(), required(data.poolId(), "poolId"),
                        CapacityAdjustment.delta(available, null, data.count(), data.count() + " hires available"));
            }
            case EventTypes.TASK_STARTED -> {
                var data = read(event, EventData.TaskStarted.class);
                yield TaskProgressChange.started(id, event.time(), required(data.taskId(), "taskId"),
                        notAfter(date(data.startedOn(), "startedOn"), eventDay, "startedOn"),
                        text(data.mode(), "mode"));
            }
            case EventTypes.TASK_REMAINING_UPDATED -> {
                var data = read(event, EventData.RemainingUpdated.class);
                yield TaskProgressChange.remaining(id, event.time(), required(data.taskId(), "taskId"),
                        notAfter(date(data.asOf(), "asOf"), eventDay, "asOf"), data.remainingDays());
            }
            case EventTypes.TASK_COMPLETED -> {
                var data = read(event, EventData.TaskCompleted.class);
                yield TaskProgressChange.completed(id, event.time(), required(data.taskId(), "taskId"),
                        notAfter(date(data.finishedOn(), "finishedOn"), eventDay, "finishedOn"));
            }
            case EventTypes.POWER_DATE_CHANGED -> {
                var data = read(event, EventData.PowerDateChanged.class);
                yield new PowerDateChange(id, event.time(), required(data.siteId(), "siteId"),
                        date(data.powerAvailableDate(), "powerAvailableDate"));
            }
            default -> throw new InvalidEventException("event " + id + " has an unknown type " + event.type());
        };
    }

    /** @return the entity whose state the event sets (e.g. {@code shipment:SHP-1}), for ordering by event time */
    public static String entityKey(String eventType, PortfolioChange change) {
        String entity = EventTypes.SUPPLY.contains(eventType) ? "shipment"
                : EventTypes.LABOR.contains(eventType) ? "pool"
                : EventTypes.POWER_DATE_CHANGED.equals(eventType) ? "site" : "task";
        return entity + ":" + change.subject();
    }

    private <T> T read(InboundEvent event, Class<T> type) {
        try {
            return Objects.requireNonNull(mapper.readValue(event.data(), type));
        } catch (IOException | NullPointerException e) {
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                    ? json.getOriginalMessage() : "empty data";
            throw new InvalidEventException("event " + event.id() + " (" + event.type() + ") has malformed data: "
                    + message, e);
        }
    }

    /**
     * A supplier may report on its own shipments only. The refusal is the same for an unknown shipment and for
     * another supplier's, and names neither that supplier nor its source: a reason goes back to the sender.
     */
    private static void checkSupplier(InboundEvent event, Portfolio portfolio, String shipmentId) {
        required(shipmentId, "shipmentId");
        Shipment shipment = portfolio.shipments().stream().filter(s -> s.id().equals(shipmentId)).findFirst()
                .orElse(null);
        if (Suppliers.isPlanner(event.source())) {
            if (shipment == null) {
                throw new InvalidEventException("event " + event.id() + ": unknown shipment " + shipmentId);
            }
            return;
        }
        if (shipment == null || !Suppliers.sourceOf(shipment.supplier()).equals(event.source())) {
            throw new InvalidEventException("event " + event.id() + ": source " + event.source()
                    + " has no shipment " + shipmentId);
        }
    }

    /** Text an outsider sends (a reason) is kept, shown and published: bounded, like every other field. */
    private static String text(String value, String field) {
        require(value == null || value.length() <= MAX_TEXT_LENGTH, field + " is longer than " + MAX_TEXT_LENGTH
                + " characters");
        return value;
    }

    private static LocalDate date(LocalDate date, String field) {
        require(date != null, field + " is missing");
        require(!date.isBefore(EARLIEST) && !date.isAfter(LATEST), field + " " + date + " is not a plausible date");
        return date;
    }

    private static LocalDate notAfter(LocalDate date, LocalDate eventDay, String field) {
        require(!date.isAfter(eventDay), field + " " + date + " is after the event itself (" + eventDay + ")");
        return date;
    }

    private static LocalDate range(LocalDate from, LocalDate to, String field) {
        if (from != null) {
            date(from, field);
        }
        if (to != null) {
            date(to, "to");
        }
        require(from == null || to == null || !to.isBefore(from), "the range ends " + to + " before it starts "
                + from);
        return from;
    }

    private static String required(String value, String field) {
        require(value != null && !value.isBlank(), field + " is missing");
        return value;
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new InvalidEventException(reason);
        }
    }
}
