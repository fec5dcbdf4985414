package io.timetocompute.api.demo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.timetocompute.events.contract.EventData;
import io.timetocompute.events.contract.EventTypes;
import io.timetocompute.events.contract.Suppliers;
import io.timetocompute.events.contract.Topics;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.portfolio.Shipment;

/**
 * Makes up what suppliers and field crews report: ETA slips and pull-ins of shipments not yet delivered,
 * deliveries, crews losing days to weather or illness, and new hires. Every choice comes from one seeded random
 * sequence, so a seed replays the same story onto the same portfolio; ids differ per run so that a restarted
 * service does not take a new run's events for duplicates.
 */
final class DemoEventScenario {

    private enum Kind { ETA_SLIP, ETA_PULL_IN, DELIVERY, WEATHER, ILLNESS, HIRES }

    /** Slips are the common case in real supply chains; the rest keep the story from only getting worse. */
    private static final List<Kind> WEIGHTED_KINDS = List.of(Kind.ETA_SLIP, Kind.ETA_SLIP, Kind.ETA_SLIP,
            Kind.ETA_PULL_IN, Kind.DELIVERY, Kind.WEATHER, Kind.WEATHER, Kind.ILLNESS, Kind.HIRES, Kind.HIRES);
    private static final List<String> SLIP_REASONS = List.of("factory acceptance test failed", "port congestion",
            "component shortage at the factory", "carrier rescheduled", "customs inspection");
    private static final List<String> PULL_IN_REASONS = List.of("earlier production slot", "expedited freight");
    private static final List<String> WEATHER = List.of("storm", "extreme heat", "flooding", "high winds");

    private final Random random;
    private final Clock clock;
    private final String runId;
    private long sequence;

    DemoEventScenario(long seed, Clock clock) {
        this.random = new Random(seed);
        this.clock = clock;
        this.runId = Long.toString(clock.instant().getEpochSecond(), 36);
    }

    /** @return the next event about the portfolio as it stands now; none if it has neither shipments nor pools */
    Optional<DemoEvent> next(Portfolio portfolio) {
        List<Shipment> undelivered = portfolio.shipments().stream().filter(s -> s.deliveredDate() == null)
                .sorted(Comparator.comparing(Shipment::id)).toList();
        List<LaborPool> pools = portfolio.pools().stream().sorted(Comparator.comparing(LaborPool::id)).toList();
        if (undelivered.isEmpty() && pools.isEmpty()) {
            return Optional.empty();
        }
        Kind kind = WEIGHTED_KINDS.get(random.nextInt(WEIGHTED_KINDS.size()));
        boolean supply = kind == Kind.ETA_SLIP || kind == Kind.ETA_PULL_IN || kind == Kind.DELIVERY;
        if (supply && undelivered.isEmpty()) {
            kind = Kind.HIRES;
        } else if (!supply && pools.isEmpty()) {
            kind = Kind.ETA_SLIP;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate planFrom = portfolio.dataDate().isAfter(today) ? portfolio.dataDate() : today;
        return Optional.of(switch (kind) {
            case ETA_SLIP -> etaChange(pick(undelivered), now, days(3, 42), pick(SLIP_REASONS));
            case ETA_PULL_IN -> {
                Shipment shipment = pick(undelivered);
                long room = shipment.promisedDate().toEpochDay() - planFrom.toEpochDay();
                yield room < 2 ? etaChange(shipment, now, days(3, 42), pick(SLIP_REASONS))
                        : etaChange(shipment, now, -Math.min(room, days(2, 14)), pick(PULL_IN_REASONS));
            }
            case DELIVERY -> {
                // The next one due: a delivery today is on time or early.
                Shipment shipment = undelivered.stream().min(Comparator.comparing(Shipment::promisedDate)
                        .thenComparing(Shipment::id)).orElseThrow();
                yield supplyEvent(shipment, EventTypes.SHIPMENT_DELIVERED, now,
                        new EventData.ShipmentDelivered(shipment.id(), today, shipment.quantity(), true));
            }
            case WEATHER -> {
                LaborPool pool = pick(pools);
                LocalDate from = planFrom.plusDays(days(0, 90));
                yield laborEvent(pool, "/field/", EventTypes.LABOR_UNAVAILABLE, now,
                        new EventData.PoolUnavailable(pool.id(), from, from.plusDays(days(1, 4)), pick(WEATHER)));
            }
            case ILLNESS -> {
                LaborPool pool = pick(pools);
                LocalDate from = planFrom.plusDays(days(0, 60));
                int absent = Math.max(1, pool.baseHeadcount() * (int) days(10, 30) / 100);
                yield laborEvent(pool, "/field/", EventTypes.LABOR_CAPACITY_CHANGED, now,
                        new EventData.CapacityChanged(pool.id(), from, from.plusDays(days(5, 14)), null, -absent,
                                "illness"));
            }
            case HIRES -> {
                LaborPool pool = pick(pools);
                yield laborEvent(pool, "/hr/", EventTypes.LABOR_HIRES_AVAILABLE, now,
                        new EventData.HiresAvailable(pool.id(), (int) days(2, 8), today, (int) days(7, 30)));
            }
        });
    }

    private DemoEvent etaChange(Shipment shipment, Instant now, long byDays, String reason) {
        return supplyEvent(shipment, EventTypes.SHIPMENT_ETA_CHANGED, now, new EventData.ShipmentEtaChanged(
                shipment.id(), shipment.promisedDate().plusDays(byDays), reason));
    }

    private DemoEvent supplyEvent(Shipment shipment, String type, Instant now, Object data) {
        return new DemoEvent(Topics.SUPPLY, shipment.id(),
                event(type, Suppliers.sourceOf(shipment.supplier()), shipment.id(), now, data));
    }

    private DemoEvent laborEvent(LaborPool pool, String sourcePrefix, String type, Instant now, Object data) {
        return new DemoEvent(Topics.LABOR, pool.id(),
                event(type, sourcePrefix + pool.id().toLowerCase(Locale.ROOT), pool.id(), now, data));
    }

    private CloudEvent event(String type, String source, String subject, Instant now, Object data) {
        return CloudEventBuilder.v1()
                .withId("demo-" + runId + "-" + ++sequence)
                .withType(type)
                .withSource(URI.create(source))
                .withSubject(subject)
                .withTime(now.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(PortfolioJson.toJson(data).getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** @return a whole number of days from {@code min} to {@code max}, both included */
    private long days(int min, int max) {
        return random.nextInt(min, max + 1);
    }
}
