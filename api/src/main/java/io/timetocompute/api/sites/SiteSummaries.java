package io.timetocompute.api.sites;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.BlockProjection;

/** Site summaries: the portfolio's sites with their blocks' projected dates and slip against the baseline. */
final class SiteSummaries {

    private final ScheduleProjection projection;
    private final Map<String, LocalDate> baselineDates;

    SiteSummaries(ScheduleProjection projection, Map<String, LocalDate> baselineDates) {
        this.projection = projection;
        this.baselineDates = baselineDates;
    }

    List<SiteSummary> all(Portfolio portfolio) {
        return portfolio.sites().stream().map(this::of).toList();
    }

    SiteSummary of(Site site) {
        List<SiteSummary.BlockRow> blocks = projection.blocks().stream()
                .filter(block -> block.siteId().equals(site.id())).map(this::row).toList();
        double itMw = blocks.stream().mapToDouble(SiteSummary.BlockRow::itMw).sum();
        LocalDate projected = latest(blocks.stream().map(SiteSummary.BlockRow::onlineDate).toList());
        LocalDate baseline = latest(blocks.stream().map(SiteSummary.BlockRow::baselineDate).toList());
        return new SiteSummary(site.id(), site.name(), site.region(), site.powerAvailableDate(), itMw, projected,
                baseline, daysBetween(baseline, projected), blocks);
    }

    private SiteSummary.BlockRow row(BlockProjection block) {
        // A block has no baseline until its first date is published: it has not slipped yet.
        LocalDate baseline = baselineDates.getOrDefault(block.blockId(), block.onlineDate());
        return new SiteSummary.BlockRow(block.blockId(), block.blockName(), block.itMw(), block.onlineDate(),
                baseline, daysBetween(baseline, block.onlineDate()), block.contractDate(), block.daysLate());
    }

    private static LocalDate latest(List<LocalDate> dates) {
        return dates.stream().filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }

    static Long daysBetween(LocalDate from, LocalDate to) {
        return from == null || to == null ? null : ChronoUnit.DAYS.between(from, to);
    }
}
