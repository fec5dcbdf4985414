package io.timetocompute.api.sites;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The executives' front page.
 *
 * @param mwOnline cumulative IT load online, one point per distinct block online date, ascending
 */
record Dashboard(String portfolioId, String portfolioName, LocalDate dataDate, long version, Instant publishedAt,
        boolean feasible, List<SiteSummary> sites, List<MwOnline> mwOnline) {

    record MwOnline(LocalDate date, double mw) {
    }
}
