package io.timetocompute.scheduler.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;

/**
 * The demo's lever data: what expediting a shipment and adding people to a pool can gain and cost. It draws from a
 * random stream of its own, so that the rest of a seeded demo portfolio is the same with or without it.
 * <p>
 * Expediting: a factory slot bought earlier or a faster freight mode gains a share of the time left until the
 * promise (transformers and GPU allocations least, since factory slots and allocations are the constraint),
 * never to less than a week out; each day costs roughly what it costs in premium freight and slot fees for that
 * equipment. Hiring: local trades need three to six weeks to recruit and badge, traveling crews one to three to be
 * pulled from other jobs; a pool can grow by a fifth or so; a person-day costs the loaded wage of the trade, plus
 * per diem for traveling crews.
 */
final class LeverTerms {

    /** equipment close to the data date is on its way already and cannot arrive earlier */
    static final int MIN_EXPEDITED_DAYS_OUT = 7;

    private LeverTerms() {
    }

    static Portfolio fill(Portfolio portfolio, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5CE7A7105L);
        List<Shipment> shipments = portfolio.shipments().stream()
                .map(shipment -> expedite(shipment, portfolio.dataDate(), random)).toList();
        List<LaborPool> pools = portfolio.pools().stream().map(pool -> hiring(pool, random)).toList();
        return portfolio.withShipments(shipments).withPools(pools);
    }

    private static Shipment expedite(Shipment shipment, LocalDate dataDate, SplittableRandom random) {
        Equipment equipment = Arrays.stream(Equipment.values())
                .filter(e -> e.material.equals(shipment.material())).findFirst().orElse(null);
        if (equipment == null || shipment.deliveredDate() != null || shipment.promisedDate() == null) {
            return shipment;
        }
        double[] share = switch (equipment) {
            case MAIN_TRANSFORMER, GPU_SERVERS -> new double[] {0.08, 0.20};
            default -> new double[] {0.15, 0.35};
        };
        long daysOut = ChronoUnit.DAYS.between(dataDate, shipment.promisedDate());
        long gain = Math.round(daysOut * (share[0] + (share[1] - share[0]) * random.nextDouble()));
        LocalDate earliest = shipment.promisedDate().minusDays(gain);
        LocalDate floor = dataDate.plusDays(MIN_EXPEDITED_DAYS_OUT);
        if (earliest.isBefore(floor)) {
            earliest = floor;
        }
        long[] perDay = switch (equipment) {
            case MAIN_TRANSFORMER -> new long[] {35_000, 70_000};
            case GPU_SERVERS -> new long[] {20_000, 50_000};
            case MV_SWITCHGEAR -> new long[] {10_000, 20_000};
            case GENERATORS -> new long[] {8_000, 16_000};
            case UNIT_TRANSFORMERS -> new long[] {6_000, 12_000};
            case CHILLERS -> new long[] {5_000, 10_000};
            case UPS -> new long[] {4_000, 9_000};
            case CDUS -> new long[] {3_000, 7_000};
            case BUSWAY -> new long[] {1_500, 4_000};
            case RACKS -> new long[] {1_000, 3_000};
        };
        double units = Math.sqrt(Math.max(1, shipment.quantity()));
        long cost = roundTo(500, (perDay[0] + (perDay[1] - perDay[0]) * random.nextDouble()) * units);
        if (!earliest.isBefore(shipment.promisedDate())) {
            return shipment;
        }
        return shipment.withExpediteTerms(earliest, cost);
    }

    private static LaborPool hiring(LaborPool pool, SplittableRandom random) {
        PoolKind kind = Arrays.stream(PoolKind.values())
                .filter(k -> k.trade.equals(pool.trade()) && k.traveling == pool.traveling()).findFirst()
                .orElse(null);
        if (kind == null) {
            return pool;
        }
        int leadTime = pool.traveling() ? random.nextInt(7, 22) : random.nextInt(21, 43);
        double growth = pool.traveling() ? 0.10 + 0.15 * random.nextDouble() : 0.15 + 0.15 * random.nextDouble();
        int maxExtra = Math.max(1, (int) Math.round(pool.baseHeadcount() * growth));
        long[] perDay = switch (kind) {
            case CIVIL -> new long[] {550, 750};
            case IRONWORK -> new long[] {750, 950};
            case ELECTRICAL -> new long[] {850, 1_150};
            case MECHANICAL -> new long[] {800, 1_050};
            case COMMISSIONING -> new long[] {1_100, 1_500};
            case NETWORK -> new long[] {650, 900};
            case TRAVEL_HV -> new long[] {1_600, 2_200};
            case TRAVEL_CX -> new long[] {1_300, 1_700};
            case TRAVEL_ELEC -> new long[] {1_100, 1_400};
        };
        long cost = roundTo(10, perDay[0] + (perDay[1] - perDay[0]) * random.nextDouble());
        return pool.withHiringTerms(leadTime, maxExtra, cost);
    }

    private static long roundTo(long step, double amount) {
        return Math.round(amount / step) * step;
    }
}
