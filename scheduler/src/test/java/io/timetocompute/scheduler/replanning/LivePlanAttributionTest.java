package io.timetocompute.scheduler.replanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.engine.CounterfactualRepair;
import io.timetocompute.scheduler.portfolio.CapacityAdjustment;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.problem.ProblemCompiler;
import io.timetocompute.scheduler.problem.SchedulingProblem;
import io.timetocompute.scheduler.replanning.LivePlan.BlockDateChange;
import io.timetocompute.scheduler.replanning.LivePlan.EventShare;
import io.timetocompute.scheduler.replanning.LivePlan.Publication;
import io.timetocompute.scheduler.replanning.LivePlan.PublishedSchedule;
import io.timetocompute.scheduler.solver.AppliedChange;

/**
 * Property: on the demo portfolio, while the solver keeps improving the plan in the background (its improvements
 * held back for an interval, so that the publications that take in events carry them), random events that can only
 * delay work (a crew outage, a later delivery, a power date pushed out) are never credited with moving a block
 * earlier, each reported effect equals the counterfactual recomputed here from the publications and the events, and
 * a publication without events credits nothing to any event.
 */
class LivePlanAttributionTest {

    private final List<Publication> publications = new CopyOnWriteArrayList<>();
    private final Map<String, PortfolioChange> submitted = new ConcurrentHashMap<>();
    private LivePlan plan;

    @AfterEach
    void stop() {
        if (plan != null) {
            plan.close();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void delayingEventsAreNeverCreditedWithAnEarlierDateAndReoptimizationNeverWithAnEvent(long seed)
            throws InterruptedException {
        plan = new LivePlan(DemoPortfolioGenerator.generate(1000, 42), publications::add, Duration.ofMillis(50),
                Duration.ofMillis(700), seed).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> !publications.isEmpty());
        SplittableRandom random = new SplittableRandom(seed);
        int events = 0;
        for (int burst = 0; burst < 12; burst++) {
            List<PortfolioChange> changes = new ArrayList<>();
            int size = 1 + random.nextInt(random.nextBoolean() ? 1 : 4);
            for (int i = 0; i < size; i++) {
                PortfolioChange change = randomDelay(plan.portfolio(), random, "evt-" + seed + "-" + events++);
                submitted.put(change.eventId(), change);
                changes.add(change);
            }
            assertThat(plan.submitAll(changes)).isEmpty();
            Thread.sleep(100 + random.nextInt(600));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> publications.stream()
                .flatMap(p -> p.newlyApplied().stream()).map(AppliedChange::eventId).distinct().count()
                == submitted.size());

        int checkedEffects = 0;
        PublishedSchedule basis = null;
        for (Publication publication : publications) {
            for (BlockDateChange change : publication.changes()) {
                if (change.oldDate() != null) {
                    assertThat(change.eventEffectDays() + change.reoptimizationDays()).as(change.toString())
                            .isEqualTo(change.deltaDays());
                }
                assertThat(change.eventEffectDays()).as("a delay credited with an earlier date: " + change)
                        .isGreaterThanOrEqualTo(0);
                assertThat(change.shares()).allMatch(share -> share.days() >= 0, "no share earlier");
                if (change.eventEffectDays() == 0 && change.shares().stream().allMatch(s -> s.days() == 0)) {
                    assertThat(change.causes()).as("re-optimization credited to an event: " + change).isEmpty();
                }
                if (publication.newlyApplied().isEmpty()) {
                    assertThat(change.causes()).isEmpty();
                    assertThat(change.eventEffectDays()).isZero();
                }
            }
            PublishedSchedule schedule = publication.schedule();
            if (basis != null && schedule.repaired() && !schedule.changesSince(basis).isEmpty()) {
                checkedEffects += checkAgainstCounterfactual(basis, publication);
            }
            if (schedule.repaired()) {
                basis = schedule;
            }
        }
        assertThat(checkedEffects).as("publications that took in events were checked").isPositive();
    }

    /**
     * Recomputes the events' effect from the publication before (its portfolio with the events replayed onto it, as
     * submitted here) and compares it with what the publication reports.
     */
    private int checkAgainstCounterfactual(PublishedSchedule basis, Publication publication) {
        List<AppliedChange> events = publication.schedule().changesSince(basis);
        Portfolio portfolio = basis.problem().portfolio();
        for (AppliedChange event : events) {
            portfolio = submitted.get(event.eventId()).replayOnto(portfolio);
        }
        SchedulingProblem changed = ProblemCompiler.compile(portfolio);
        assertThat(CounterfactualRepair.onlyTakesAway(basis.problem(), changed)).as("delays only take away").isTrue();
        CounterfactualRepair.Result repaired = CounterfactualRepair.repair(basis.problem(), basis.starts(),
                basis.modes(), changed, true);
        Map<String, Long> effect = new HashMap<>();
        for (int b = 0; b < changed.blockCount(); b++) {
            effect.put(changed.blockId(b), ChronoUnit.DAYS.between(basis.onlineDate(b), repaired.onlineDate(b)));
            assertThat(repaired.onlineDate(b)).isAfterOrEqualTo(basis.onlineDate(b));
        }
        for (BlockDateChange change : publication.changes()) {
            assertThat(change.eventEffectDays()).as(change.toString()).isEqualTo(effect.get(change.blockId()));
            if (change.eventEffectDays() != 0) {
                assertThat(change.causes()).isNotEmpty();
                assertThat(events).containsAll(change.causes());
            }
            if (!change.shares().isEmpty()) {
                long sum = change.shares().stream().mapToLong(EventShare::days).sum();
                assertThat(sum + change.interactionDays()).isEqualTo(change.eventEffectDays());
            }
        }
        return 1;
    }

    private static PortfolioChange randomDelay(Portfolio portfolio, SplittableRandom random, String eventId) {
        LocalDate dataDate = portfolio.dataDate();
        switch (random.nextInt(3)) {
            case 0 -> {
                LaborPool pool = portfolio.pools().get(random.nextInt(portfolio.pools().size()));
                LocalDate from = dataDate.plusDays(random.nextInt(400));
                return new PoolCapacityChange(eventId, Instant.now(), pool.id(), new CapacityAdjustment(from,
                        from.plusDays(random.nextInt(10)), 0, null, "outage"));
            }
            case 1 -> {
                List<Shipment> open = portfolio.shipments().stream().filter(s -> s.deliveredDate() == null).toList();
                Shipment shipment = open.get(random.nextInt(open.size()));
                return new ShipmentEtaChange(eventId, Instant.now(), shipment.id(),
                        shipment.promisedDate().plusDays(1 + random.nextInt(60)), "later");
            }
            default -> {
                List<Site> powered = portfolio.sites().stream().filter(s -> s.powerAvailableDate() != null).toList();
                Site site = powered.get(random.nextInt(powered.size()));
                return new PowerDateChange(eventId, Instant.now(), site.id(),
                        site.powerAvailableDate().plusDays(1 + random.nextInt(60)));
            }
        }
    }
}
