package io.timetocompute.scheduler;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.timetocompute.scheduler.portfolio.CalendarSpec;
import io.timetocompute.scheduler.portfolio.ComputeBlock;
import io.timetocompute.scheduler.portfolio.Dependency;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskMode;

/** Small hand-made portfolios whose optimal schedules can be worked out by hand. */
public final class TestPortfolios {

    /** A Monday, so that with an every-day calendar day numbers equal work days. */
    public static final LocalDate DATA_DATE = LocalDate.of(2027, 1, 4);

    private TestPortfolios() {
    }

    public static TaskMode mode(String name, int days, String pool, int headcount, long cost) {
        return new TaskMode(name, days, pool == null ? Map.of() : Map.of(pool, headcount), cost, Map.of());
    }

    public static Task task(String id, String site, List<TaskMode> modes, List<String> predecessors,
            List<String> materials, boolean requiresPower, String bringsOnline) {
        return new Task(id, site, id, "phase", modes,
                predecessors.stream().map(Dependency::finishToStart).toList(), materials, requiresPower,
                bringsOnline, null);
    }

    /**
     * One site, one pool of 10 electricians, every day a work day. Two halls: H1 (high value) and H2; both need the
     * pool for their fit-out; H1's energization needs a transformer shipment arriving on day 20 (+2 receiving).
     * Power is available on day 25.
     */
    public static Portfolio twoHalls() {
        List<Task> tasks = new ArrayList<>();
        tasks.add(task("PREP", "S1", List.of(mode("standard", 10, "ELEC", 5, 0)), List.of(), List.of(), false, null));
        tasks.add(task("H1-FIT", "S1", List.of(mode("standard", 10, "ELEC", 8, 0),
                mode("overtime", 7, "ELEC", 8, 100_000)), List.of("PREP"), List.of(), false, null));
        tasks.add(task("H2-FIT", "S1", List.of(mode("standard", 10, "ELEC", 8, 0)), List.of("PREP"), List.of(),
                false, null));
        tasks.add(task("H1-ENERGIZE", "S1", List.of(mode("standard", 3, "ELEC", 2, 0)), List.of("H1-FIT"),
                List.of("XFMR-1"), true, null));
        tasks.add(task("H1-ONLINE", "S1", List.of(mode("standard", 0, null, 0, 0)), List.of("H1-ENERGIZE"),
                List.of(), false, "H1"));
        tasks.add(task("H2-ONLINE", "S1", List.of(mode("standard", 0, null, 0, 0)), List.of("H2-FIT"), List.of(),
                false, "H2"));
        return new Portfolio("test", "Two halls", DATA_DATE, List.of(CalendarSpec.everyDay("all")), "all", 14,
                25_000L,
                List.of(new Site("S1", "Test site", "Nowhere", null, DATA_DATE.plusDays(25), null, List.of(
                        new ComputeBlock("H1", "Hall 1", 50, 1_500_000, DATA_DATE.plusDays(30), 500_000),
                        new ComputeBlock("H2", "Hall 2", 20, 600_000, null, 0)))),
                List.of(new LaborPool("ELEC", "Electricians", "electrical", List.of("S1"), null, 10, List.of())),
                List.of(new Shipment("XFMR-1", "Northgate", "transformer", "S1", 1, DATA_DATE.plusDays(20), null, 2)),
                List.of(), tasks, List.of());
    }

    /**
     * Site A: two halls, only hall 1 waits for a transformer; site B: one hall with its own transformer. Crews are
     * ample, so only materials and precedence set the dates.
     */
    public static Portfolio twoSites() {
        LocalDate dataDate = DATA_DATE;
        List<Task> tasks = new ArrayList<>();
        for (String site : List.of("A", "B")) {
            tasks.add(task(site + "-PREP", site, List.of(mode("standard", 10,
                    site + "-CIVIL", 10, 0)), List.of(), List.of(), false, null));
            tasks.add(task(site + "-H1-ENERGIZE", site, List.of(mode("standard", 5,
                    site + "-ELEC", 10, 0)), List.of(site + "-PREP"), List.of(site + "-XFMR"), true, null));
            tasks.add(task(site + "-H1-ONLINE", site, List.of(mode("standard", 0,
                    null, 0, 0)), List.of(site + "-H1-ENERGIZE"), List.of(), false, site + "-H1"));
        }
        tasks.add(task("A-H2-FIT", "A", List.of(mode("standard", 20, "A-ELEC", 10, 0)),
                List.of("A-PREP"), List.of(), false, null));
        tasks.add(task("A-H2-ONLINE", "A", List.of(mode("standard", 0, null, 0, 0)),
                List.of("A-H2-FIT"), List.of(), false, "A-H2"));
        List<Site> sites = List.of(
                new Site("A", "Alpha", "West Texas", null, null, null, List.of(
                        new ComputeBlock("A-H1", "Hall 1", 50, 1_500_000, null, 0),
                        new ComputeBlock("A-H2", "Hall 2", 30, 900_000, null, 0))),
                new Site("B", "Beta", "Quebec", null, null, null, List.of(
                        new ComputeBlock("B-H1", "Hall 1", 40, 1_200_000, null, 0))));
        List<LaborPool> pools = List.of(
                new LaborPool("A-CIVIL", "Civil A", "civil", List.of("A"), null, 50, List.of()),
                new LaborPool("A-ELEC", "Electricians A", "electrical", List.of("A"), null, 50, List.of()),
                new LaborPool("B-CIVIL", "Civil B", "civil", List.of("B"), null, 50, List.of()),
                new LaborPool("B-ELEC", "Electricians B", "electrical", List.of("B"), null, 50, List.of()));
        List<Shipment> shipments = List.of(
                new Shipment("A-XFMR", "Northgate", "transformer", "A", 1, dataDate.plusDays(40), null, 2),
                new Shipment("B-XFMR", "Northgate", "transformer", "B", 1, dataDate.plusDays(50), null, 2));
        return new Portfolio("two-sites", "Two sites", dataDate, List.of(CalendarSpec.everyDay("all")), "all", 14,
                25_000L, sites, pools, shipments, List.of(), tasks, List.of());
    }

}
