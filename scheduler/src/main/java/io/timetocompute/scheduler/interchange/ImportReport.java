package io.timetocompute.scheduler.interchange;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Everything an import did: what was mapped, what was dropped and why, every assumption, counts per category, and
 * how well our forward pass agrees with the early dates the file stored.
 *
 * @param format XER, PMXML, MSPDI, MPP...
 * @param projects the projects in the file, and which were imported
 * @param counts per category: activities, tasks, milestones, wbs, relationships by type, pools, assignments...
 * @param dropped items not imported, with the reason
 * @param assumptions what the import decided where the file did not say or our model differs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(String source, String format, String application, List<ProjectEntry> projects,
        Map<String, Integer> counts, List<Item> dropped, List<Item> assumptions, Agreement agreement) {

    /** One project of the file, as a site if imported. */
    public record ProjectEntry(String id, String name, int activities, boolean imported) {
    }

    /** One reported item: its kind (activity, relationship, resource, calendar...), its id and what happened. */
    public record Item(String kind, String id, String message) {
    }

    /**
     * Our forward pass (no crews) against the early dates the file stored, activity by activity.
     *
     * @param computed false when the comparison does not apply (progress, no stored dates), with the reason
     * @param staleFileDates activities whose stored dates break the file's own logic (scheduled before edits)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Agreement(boolean computed, String reason, int compared, int agreeing, double percent,
            int staleFileDates, Map<String, Integer> disagreementsByReason, List<Disagreement> disagreements) {
    }

    /** An activity whose start or finish differs from the file's early dates, with the most likely reason. */
    public record Disagreement(String taskId, LocalDate fileStart, LocalDate ourStart, LocalDate fileFinish,
            LocalDate ourFinish, String reason) {
    }
}
