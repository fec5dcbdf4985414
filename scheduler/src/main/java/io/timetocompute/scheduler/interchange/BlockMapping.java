package io.timetocompute.scheduler.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.timetocompute.scheduler.portfolio.PortfolioJson;

/**
 * What no schedule file says: which milestones bring compute online (with MW and value per day), and which
 * activities are material deliveries. Given by the user at import (docs/interchange.md).
 *
 * @param blocks one entry per compute block, naming its milestone by activity id or by an activity code value
 * @param deliveries activities that are deliveries of equipment, mapped to shipments
 */
public record BlockMapping(List<BlockRule> blocks, Deliveries deliveries) {

    public static final BlockMapping NONE = new BlockMapping(List.of(), null);

    public BlockMapping {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    /**
     * @param activityId the milestone's activity id (P6 Activity ID, MS Project Unique ID); or
     * @param activityCode an activity code value ({@code "CODE=VALUE"}, P6) or a custom field value that marks it
     * @param project the project (site) to look in, when several are imported (null: any)
     * @param contractDate the client's contracted online date (null: the milestone's own deadline, if any)
     */
    public record BlockRule(String activityId, String activityCode, String project, String blockId, String name,
            Double itMw, Long valuePerDay, LocalDate contractDate, Long penaltyPerDayLate) {

        public BlockRule {
            itMw = itMw == null ? 0.0 : itMw;
            valuePerDay = valuePerDay == null ? 0L : valuePerDay;
            penaltyPerDayLate = penaltyPerDayLate == null ? 0L : penaltyPerDayLate;
        }
    }

    /**
     * @param activityIds activities that are deliveries
     * @param activityCode an activity code value ({@code "CODE=VALUE"}) that marks deliveries
     * @param nameContains a text that marks deliveries in activity names (case-insensitive)
     */
    public record Deliveries(List<String> activityIds, String activityCode, String nameContains) {

        public Deliveries {
            activityIds = activityIds == null ? List.of() : List.copyOf(activityIds);
        }
    }

    public static BlockMapping read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ImportException("block mapping file not found: " + file);
        } catch (IOException e) {
            throw new ImportException("cannot read block mapping " + file + ": " + e.getMessage());
        }
    }

    /** Reads a mapping from a stream (an upload); {@code name} is used in messages. */
    public static BlockMapping read(InputStream in, String name) throws IOException {
        try {
            BlockMapping mapping = PortfolioJson.mapper().readValue(in, BlockMapping.class);
            if (mapping == null) {
                throw new ImportException("block mapping " + name + " is empty");
            }
            for (BlockRule rule : mapping.blocks()) {
                if (rule.blockId() == null || (rule.activityId() == null && rule.activityCode() == null)) {
                    throw new ImportException("block mapping " + name
                            + ": every block needs a blockId and an activityId or activityCode");
                }
            }
            return mapping;
        } catch (JsonProcessingException e) {
            throw new ImportException("invalid block mapping " + name + ": " + e.getOriginalMessage());
        }
    }
}
