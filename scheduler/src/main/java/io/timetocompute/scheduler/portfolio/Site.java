package io.timetocompute.scheduler.portfolio;

import java.time.LocalDate;
import java.util.List;

/**
 * A campus.
 *
 * @param powerAvailableDate utility interconnection: energization work cannot finish before it (null: no constraint)
 * @param startNotBefore no work on the site before this date (land, permits, mobilization; null: the data date)
 * @param calendar the work calendar of the site's tasks (null: the portfolio's default)
 */
public record Site(String id, String name, String region, String calendar, LocalDate powerAvailableDate,
        LocalDate startNotBefore, List<ComputeBlock> computeBlocks) {

    public Site {
        computeBlocks = computeBlocks == null ? List.of() : List.copyOf(computeBlocks);
    }

    public Site withPowerAvailableDate(LocalDate date) {
        return new Site(id, name, region, calendar, date, startNotBefore, computeBlocks);
    }
}
