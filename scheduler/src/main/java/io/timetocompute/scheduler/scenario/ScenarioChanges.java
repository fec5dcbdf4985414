package io.timetocompute.scheduler.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.timetocompute.scheduler.portfolio.CapacityAdjustment;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.replanning.PoolCapacityChange;
import io.timetocompute.scheduler.replanning.PortfolioChange;
import io.timetocompute.scheduler.replanning.PowerDateChange;
import io.timetocompute.scheduler.replanning.ShipmentDelivery;
import io.timetocompute.scheduler.replanning.ShipmentEtaChange;
import io.timetocompute.scheduler.replanning.TaskProgressChange;

/**
 * Reads a scenario's changes: a JSON array of CloudEvents in structured mode ({@code specversion}, {@code id},
 * {@code type}, {@code source}, optional {@code time}, {@code data}), with the inbound types and data of
 * docs/events.md, which become the same changes the live plan takes, and the lever types of docs/scenarios.md.
 * The scheduler module does not depend on the events module, so the data shapes are read here; they are the same
 * fields, and unknown fields are refused as they are there. A scenario is hypothetical, so events may be dated in
 * the future (a delivery next week), which the live plan refuses.
 */
public final class ScenarioChanges {

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final ObjectMapper mapper = PortfolioJson.mapper();

    private ScenarioChanges() {
    }

    public static List<PortfolioChange> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidScenarioException("changes file not found: " + file);
        } catch (IOException e) {
            throw new InvalidScenarioException("cannot read changes file " + file + ": " + e.getMessage(), e);
        }
    }

    public static List<PortfolioChange> read(InputStream in, String sourceName) {
        ScenarioChanges reader = new ScenarioChanges();
        JsonNode root;
        try {
            root = reader.mapper.readTree(in);
        } catch (IOException e) {
            throw new InvalidScenarioException("invalid JSON in " + sourceName + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new InvalidScenarioException(sourceName + " must hold a JSON array of CloudEvents");
        }
        List<PortfolioChange> changes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            try {
                PortfolioChange change = reader.translate(root.get(i));
                if (!ids.add(change.eventId())) {
                    throw new InvalidScenarioException("id " + change.eventId() + " is used twice");
                }
                changes.add(change);
            } catch (InvalidScenarioException e) {
                problems.add("event #" + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(sourceName + ": " + String.join("; ", problems));
        }
        return changes;
    }

    private PortfolioChange translate(JsonNode event) {
        require(event.isObject(), "not a JSON object");
        require("1.0".equals(text(event, "specversion")), "specversion must be 1.0");
        String id = required(text(event, "id"), "id");
        String type = required(text(event, "type"), "type");
        required(text(event, "source"), "source");
        String time = text(event, "time");
        Instant occurredAt;
        try {
            occurredAt = time == null ? null : Instant.parse(time);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidScenarioException("time " + time + " is not an RFC 3339 timestamp");
        }
        String contentType = text(event, "datacontenttype");
        require(contentType == null || contentType.startsWith("application/json"),
                "datacontenttype must be application/json");
        JsonNode data = event.get("data");
        require(data != null && data.isObject(), "data must be a JSON object");
        return switch (type) {
            case "io.timetocompute.supply.shipment.planned.v1" -> {
                var d = read(data, ShipmentPlanned.class, type);
                yield new ShipmentEtaChange(id, occurredAt, required(d.shipmentId(), "shipmentId"),
                        date(d.promisedDate(), "promisedDate"), "planned");
            }
            case "io.timetocompute.supply.shipment.eta-changed.v1" -> {
                var d = read(data, ShipmentEtaChanged.class, type);
                yield new ShipmentEtaChange(id, occurredAt, required(d.shipmentId(), "shipmentId"),
                        date(d.newDate(), "newDate"), d.reason());
            }
            case "io.timetocompute.supply.shipment.delivered.v1" -> {
                var d = read(data, ShipmentDelivered.class, type);
                require(!Boolean.FALSE.equals(d.complete()), "a partial delivery changes nothing in a scenario");
                yield new ShipmentDelivery(id, occurredAt, required(d.shipmentId(), "shipmentId"),
                        date(d.deliveredDate(), "deliveredDate"));
            }
            case "io.timetocompute.labor.capacity-changed.v1" -> {
                var d = read(data, CapacityChanged.class, type);
                require((d.headcount() == null) != (d.delta() == null), "give exactly one of headcount and delta");
                require(d.headcount() == null || d.headcount() >= 0, "headcount " + d.headcount() + " is negative");
                range(d.from(), d.to());
                yield new PoolCapacityChange(id, occurredAt, required(d.poolId(), "poolId"),
                        new CapacityAdjustment(d.from(), d.to(), d.headcount(), d.delta(), d.reason()));
            }
            case "io.timetocompute.labor.unavailable.v1" -> {
                var d = read(data, PoolUnavailable.class, type);
                range(date(d.from(), "from"), date(d.to(), "to"));
                yield new PoolCapacityChange(id, occurredAt, required(d.poolId(), "poolId"),
                        CapacityAdjustment.absolute(d.from(), d.to(), 0, d.reason() == null ? "unavailable"
                                : d.reason()));
            }
            case "io.timetocompute.labor.hires-available.v1" -> {
                var d = read(data, HiresAvailable.class, type);
                require(d.count() > 0, "count " + d.count() + " must be positive");
                require(d.leadTimeDays() >= 0, "leadTimeDays " + d.leadTimeDays() + " is negative");
                yield new PoolCapacityChange(id, occurredAt, required(d.poolId(), "poolId"),
                        CapacityAdjustment.delta(date(d.hiredOn(), "hiredOn").plusDays(d.leadTimeDays()), null,
                                d.count(), d.count() + " hires available"));
            }
            case "io.timetocompute.progress.task-started.v1" -> {
                var d = read(data, TaskStarted.class, type);
                yield TaskProgressChange.started(id, occurredAt, required(d.taskId(), "taskId"),
                        date(d.startedOn(), "startedOn"), d.mode());
            }
            case "io.timetocompute.progress.remaining-updated.v1" -> {
                var d = read(data, RemainingUpdated.class, type);
                yield TaskProgressChange.remaining(id, occurredAt, required(d.taskId(), "taskId"),
                        date(d.asOf(), "asOf"), d.remainingDays());
            }
            case "io.timetocompute.progress.task-completed.v1" -> {
                var d = read(data, TaskCompleted.class, type);
                yield TaskProgressChange.completed(id, occurredAt, required(d.taskId(), "taskId"),
                        date(d.finishedOn(), "finishedOn"));
            }
            case "io.timetocompute.progress.power-date-changed.v1" -> {
                var d = read(data, PowerDateChanged.class, type);
                yield new PowerDateChange(id, occurredAt, required(d.siteId(), "siteId"),
                        date(d.powerAvailableDate(), "powerAvailableDate"));
            }
            case HeadcountLever.TYPE -> {
                var d = read(data, HeadcountData.class, type);
                require(d.delta() != null && d.delta() != 0, "delta is missing or 0");
                range(date(d.from(), "from"), date(d.to(), "to"));
                yield new HeadcountLever(id, occurredAt, required(d.poolId(), "poolId"), d.from(), d.to(), d.delta());
            }
            case ModeLever.TYPE -> {
                var d = read(data, ModeData.class, type);
                require(d.allowed() != null, "allowed is missing");
                yield new ModeLever(id, occurredAt, required(d.mode(), "mode"), d.allowed(), d.siteId());
            }
            case ExpediteLever.TYPE -> {
                var d = read(data, ExpediteData.class, type);
                yield new ExpediteLever(id, occurredAt, required(d.shipmentId(), "shipmentId"),
                        date(d.date(), "date"));
            }
            case ContractDateLever.TYPE -> {
                var d = read(data, ContractDateData.class, type);
                yield new ContractDateLever(id, occurredAt, required(d.blockId(), "blockId"),
                        d.contractDate() == null ? null : date(d.contractDate(), "contractDate"));
            }
            case BlockValueLever.TYPE -> {
                var d = read(data, BlockValueData.class, type);
                require(d.valuePerDay() != null && d.valuePerDay() >= 0, "valuePerDay is missing or negative");
                yield new BlockValueLever(id, occurredAt, required(d.blockId(), "blockId"), d.valuePerDay());
            }
            default -> throw new InvalidScenarioException("unknown type " + type);
        };
    }

    private <T> T read(JsonNode data, Class<T> type, String eventType) {
        try {
            return mapper.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException("malformed data for " + eventType + ": " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static LocalDate date(LocalDate date, String field) {
        require(date != null, field + " is missing");
        require(!date.isBefore(EARLIEST) && !date.isAfter(LATEST), field + " " + date + " is not a plausible date");
        return date;
    }

    private static void range(LocalDate from, LocalDate to) {
        require(from == null || to == null || !to.isBefore(from), "the range ends " + to + " before it starts "
                + from);
    }

    private static String required(String value, String field) {
        require(value != null && !value.isBlank(), field + " is missing");
        return value;
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new InvalidScenarioException(reason);
        }
    }

    // The data of docs/events.md (events module: EventData), and of the levers (docs/scenarios.md).
    record ShipmentPlanned(String shipmentId, LocalDate promisedDate) { }
    record ShipmentEtaChanged(String shipmentId, LocalDate newDate, String reason) { }
    record ShipmentDelivered(String shipmentId, LocalDate deliveredDate, Integer quantity, Boolean complete) { }
    record CapacityChanged(String poolId, LocalDate from, LocalDate to, Integer headcount, Integer delta,
            String reason) { }
    record PoolUnavailable(String poolId, LocalDate from, LocalDate to, String reason) { }
    record HiresAvailable(String poolId, int count, LocalDate hiredOn, int leadTimeDays) { }
    record TaskStarted(String taskId, LocalDate startedOn, String mode) { }
    record RemainingUpdated(String taskId, LocalDate asOf, int remainingDays) { }
    record TaskCompleted(String taskId, LocalDate finishedOn) { }
    record PowerDateChanged(String siteId, LocalDate powerAvailableDate) { }
    record HeadcountData(String poolId, LocalDate from, LocalDate to, Integer delta) { }
    record ModeData(String mode, Boolean allowed, String siteId) { }
    record ExpediteData(String shipmentId, LocalDate date) { }
    record ContractDateData(String blockId, LocalDate contractDate) { }
    record BlockValueData(String blockId, Long valuePerDay) { }
}
