package io.timetocompute.scheduler.goal;

import static io.timetocompute.scheduler.TestPortfolios.mode;
import static io.timetocompute.scheduler.TestPortfolios.task;

import java.time.LocalDate;
import java.util.List;

import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.portfolio.CalendarSpec;
import io.timetocompute.scheduler.portfolio.ComputeBlock;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;

/** A portfolio whose cheapest actions for a date can be worked out by hand. */
final class GoalPortfolios {

    static final LocalDate DAY0 = TestPortfolios.DATA_DATE;

    private GoalPortfolios() {
    }

    /**
     * One hall, every day a work day. Fit-out (20 days, 10 electricians) then energization (5 days, or 3 on
     * overtime for 50,000), which needs a transformer promised for day 40 (2 receiving days) that can be expedited
     * to day 30 at 10,000 a day. The hall is worth 10,000 a day, so the plan does not buy overtime (2 days gained
     * are worth 20,000): online on day 47. Electricians can be hired (10 more, 1,000 a day each), which gains
     * nothing: the crew never waits.
     * <ul>
     * <li>by day 40: expedite 7 days (70,000); overtime plus 5 days would cost 100,000;</li>
     * <li>by day 36: without overtime the transformer would have to come on day 29, before its earliest date, so
     * overtime plus 9 days (140,000);</li>
     * <li>by day 30: unreachable; the best is day 35 (expedited to day 30, overtime), stopped by the transformer's
     * earliest date.</li>
     * </ul>
     */
    static Portfolio oneHall() {
        return new Portfolio("goal", "Goal seeking", DAY0, List.of(CalendarSpec.everyDay("all")), "all", 14,
                25_000L,
                List.of(new Site("S1", "Site", "Nowhere", null, null, null, List.of(
                        new ComputeBlock("H1", "Hall 1", 50, 10_000, null, 0)))),
                List.of(new LaborPool("ELEC", "Electricians", "electrical", List.of("S1"), null, 10, List.of(),
                        0, 10, 1_000L)),
                List.of(new Shipment("XFMR", "Northgate", "transformer", "S1", 1, DAY0.plusDays(40), null, 2,
                        DAY0.plusDays(30), 10_000L)),
                List.of(),
                List.of(task("FIT", "S1", List.of(mode("standard", 20, "ELEC", 10, 0)), List.of(), List.of(), false,
                                null),
                        task("ENERGIZE", "S1", List.of(mode("standard", 5, "ELEC", 2, 0),
                                mode("overtime", 3, "ELEC", 2, 50_000)), List.of("FIT"), List.of("XFMR"), false,
                                null),
                        task("ONLINE", "S1", List.of(mode("standard", 0, null, 0, 0)), List.of("ENERGIZE"),
                                List.of(), false, "H1")),
                List.of());
    }

    /** A mode of 3 days needing {@code electricians} electricians. */
    static io.timetocompute.scheduler.portfolio.TaskMode crewOf(int electricians) {
        return mode("standard", 3, "ELEC", electricians, 0);
    }
}
