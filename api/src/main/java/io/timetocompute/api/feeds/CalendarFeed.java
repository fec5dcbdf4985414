package io.timetocompute.api.feeds;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.util.ICalDate;
import io.timetocompute.api.history.PublicationHistory;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * The projected compute-online dates as an iCalendar (RFC 5545) feed: one all-day event per block, which calendar
 * apps move when the projection moves, since its UID stays the same.
 */
final class CalendarFeed {

    static final String UID_DOMAIN = "@timetocompute";

    private CalendarFeed() {
    }

    /**
     * @param baselineName the baseline slip is measured against, named in every description
     * @param baselines every block's date in that baseline, to state the slip since
     * @param lastMoves every block's latest date change, to name what moved it last
     */
    static String write(LivePlan.Publication publication, String baselineName, Map<String, LocalDate> baselines,
            Map<String, PublicationHistory.BlockDateChangeDocument> lastMoves) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Time-to-Compute//Projected compute online dates//EN");
        calendar.setName("Compute online dates");
        for (ScheduleProjection.BlockProjection block : publication.projection().blocks()) {
            calendar.addEvent(event(block, publication, baselineName, baselines.get(block.blockId()),
                    lastMoves.get(block.blockId())));
        }
        return Biweekly.write(calendar).go();
    }

    private static VEvent event(ScheduleProjection.BlockProjection block, LivePlan.Publication publication,
            String baselineName, LocalDate baseline, PublicationHistory.BlockDateChangeDocument lastMove) {
        VEvent event = new VEvent();
        event.setUid(block.blockId() + UID_DOMAIN);
        // The block's id, not its name: names often repeat the site and the MW already (the demo's do).
        event.setSummary(block.siteName() + " " + block.blockId() + " online ("
                + String.format(Locale.ROOT, "%.0f", block.itMw()) + " MW)");
        event.setDateStart(new DateStart(allDay(block.onlineDate())));
        event.setDateEnd(new DateEnd(allDay(block.onlineDate().plusDays(1))));
        event.setDateTimeStamp(Date.from(publication.publishedAt()));
        // Calendar apps replace an event with a higher SEQUENCE: the schedule version only grows.
        event.setSequence((int) Math.min(Integer.MAX_VALUE, publication.version()));
        event.setDescription(description(block, baselineName, baseline, lastMove));
        return event;
    }

    private static String description(ScheduleProjection.BlockProjection block, String baselineName,
            LocalDate baseline, PublicationHistory.BlockDateChangeDocument lastMove) {
        StringBuilder text = new StringBuilder();
        text.append(block.blockName()).append(" projected online ").append(block.onlineDate()).append(".\n");
        if (block.contractDate() == null) {
            text.append("No contract date.\n");
        } else {
            text.append("Contract date ").append(block.contractDate()).append(": ")
                    .append(lateness(block.daysLate())).append(".\n");
        }
        if (baseline != null) {
            long slip = ChronoUnit.DAYS.between(baseline, block.onlineDate());
            text.append("Slip against baseline \"").append(baselineName).append("\" (").append(baseline)
                    .append("): ").append(signed(slip)).append(" days.\n");
        }
        List<ScheduleProjection.PathStep> path = block.drivingPath();
        if (path != null && !path.isEmpty()) {
            text.append("Driven by: ").append(path.get(path.size() - 1).description()).append(".\n");
        }
        if (lastMove != null && lastMove.oldDate() != null) {
            text.append("Last moved ").append(signed(lastMove.deltaDays())).append(" days in version ")
                    .append(lastMove.version()).append(": ").append(lastMove.cause()).append('.');
        }
        return text.toString().strip();
    }

    private static String lateness(int daysLate) {
        return daysLate > 0 ? daysLate + " days late" : "on time";
    }

    private static String signed(long days) {
        return days > 0 ? "+" + days : Long.toString(days);
    }

    /**
     * A date without time. biweekly writes date values in the JVM's zone, so the date is taken at midnight there:
     * the day it writes is the day we mean, whatever the server's zone.
     */
    private static ICalDate allDay(LocalDate date) {
        return new ICalDate(Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant()), false);
    }
}
