package io.timetocompute.api.sites;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A site and when its compute comes online, against its baseline.
 *
 * @param itMw the IT load of all its blocks
 * @param projectedOnline the latest projected online date of its blocks: when the whole site is online
 * @param baselineOnline the latest baseline date of its blocks
 * @param slipDays projectedOnline minus baselineOnline, in calendar days (positive: later than the baseline)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SiteSummary(String id, String name, String region, LocalDate powerAvailableDate, double itMw,
        LocalDate projectedOnline, LocalDate baselineOnline, Long slipDays, List<BlockRow> blocks) {

    /**
     * @param baselineDate the block's first published date
     * @param daysLate calendar days online after the contract date
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BlockRow(String id, String name, double itMw, LocalDate onlineDate, LocalDate baselineDate,
            Long slipDays, LocalDate contractDate, int daysLate) {
    }
}
