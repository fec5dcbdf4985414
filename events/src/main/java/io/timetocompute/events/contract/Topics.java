package io.timetocompute.events.contract;

/** Kafka topics; the {@code .v1} suffix changes only with an incompatible contract. */
public final class Topics {

    public static final String SUPPLY = "ttc.supply.v1";
    public static final String LABOR = "ttc.labor.v1";
    public static final String PROGRESS = "ttc.progress.v1";
    public static final String PROJECTIONS = "ttc.projections.v1";
    public static final String TIMELINE = "ttc.timeline.v1";
    public static final String DEAD_LETTERS = "ttc.dlt.v1";
    /** What the plans need from each supplier: keyed by supplier slug, one record per changed need-by date. */
    public static final String SUPPLIER_NEEDS = "ttc.supplier-needs.v1";

    private Topics() {
    }
}
