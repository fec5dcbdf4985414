package io.timetocompute.api.sites;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The executives' front page.
 *
 * @param mwOnline cumulative IT load online, one point per distinct block online date, ascending
 * @param baseline the baseline slip is measured against
 */
record Dashboard(String portfolioId, String portfolioName, LocalDate dataDate, long version, Instant publishedAt,
        boolean feasible, List<SiteSummary> sites, List<MwOnline> mwOnline, BaselineRef baseline) {

    /** @param version the schedule version its dates come from; setAt null for the first published plan */
    record BaselineRef(String name, long version, Instant setAt) {
    }

    record MwOnline(LocalDate date, double mw) {
    }
}
