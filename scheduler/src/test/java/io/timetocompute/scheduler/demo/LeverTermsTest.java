package io.timetocompute.scheduler.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioValidator;
import io.timetocompute.scheduler.portfolio.Shipment;

class LeverTermsTest {

    private final Portfolio demo = DemoPortfolioGenerator.generate(1000, 42);

    @Test
    void everyShipmentStillToComeCanBeExpeditedAWeekOutAtMostAndAtAPrice() {
        long expeditable = demo.shipments().stream().filter(s -> s.earliestExpeditedDate() != null).count();
        long toCome = demo.shipments().stream().filter(s -> s.deliveredDate() == null).count();
        assertThat(expeditable).isGreaterThan(toCome * 9 / 10);
        for (Shipment shipment : demo.shipments()) {
            if (shipment.earliestExpeditedDate() == null) {
                continue;
            }
            assertThat(shipment.deliveredDate()).isNull();
            assertThat(shipment.earliestExpeditedDate()).isBefore(shipment.promisedDate())
                    .isAfterOrEqualTo(demo.dataDate().plusDays(LeverTerms.MIN_EXPEDITED_DAYS_OUT));
            long gain = ChronoUnit.DAYS.between(shipment.earliestExpeditedDate(), shipment.promisedDate());
            long daysOut = ChronoUnit.DAYS.between(demo.dataDate(), shipment.promisedDate());
            assertThat(gain).isLessThanOrEqualTo(Math.round(daysOut * 0.35) + 1);
            double perDayAndSqrtUnit = shipment.expediteCostPerDay() / Math.sqrt(Math.max(1, shipment.quantity()));
            assertThat(perDayAndSqrtUnit).isBetween(900.0, 70_500.0);
        }
    }

    @Test
    void everyPoolCanHireAfterALeadTimeUpToAFractionOfItsHeadcount() {
        for (LaborPool pool : demo.pools()) {
            assertThat(pool.hireLeadTimeDays()).isBetween(pool.traveling() ? 7 : 21, pool.traveling() ? 21 : 42);
            assertThat(pool.maxExtraHeadcount()).isPositive()
                    .isLessThanOrEqualTo(Math.max(1, (int) Math.round(pool.baseHeadcount() * 0.3)));
            assertThat(pool.costPerPersonDay()).isBetween(550L, 2_200L);
        }
    }

    @Test
    void theLeverDataIsValidAndSeeded() {
        assertThat(PortfolioValidator.findProblems(demo)).isEmpty();
        assertThat(DemoPortfolioGenerator.generate(1000, 42)).isEqualTo(demo);
    }
}
