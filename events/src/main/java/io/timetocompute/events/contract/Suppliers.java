package io.timetocompute.events.contract;

import java.util.Locale;

/**
 * Supplier systems publish with {@code source = /suppliers/<slug of the supplier's name>}; planners with
 * {@code /planners/<user>}.
 */
public final class Suppliers {

    private static final String PREFIX = "/suppliers/";
    private static final String PLANNERS = "/planners/";

    private Suppliers() {
    }

    /** @return the CloudEvents source a supplier must use, e.g. {@code /suppliers/northgate-transformers} */
    public static String sourceOf(String supplierName) {
        return PREFIX + slugOf(supplierName);
    }

    /** @return the source of what a planner reports, e.g. {@code /planners/planner} */
    public static String plannerSource(String userName) {
        return PLANNERS + userName;
    }

    /** @return whether the source claims to be a supplier's, {@code /suppliers/<slug>} */
    public static boolean isSupplier(String source) {
        return source != null && source.startsWith(PREFIX);
    }

    /** Planners may report on any supplier's shipment. */
    public static boolean isPlanner(String source) {
        return source != null && source.startsWith(PLANNERS) && source.length() > PLANNERS.length();
    }

    /** @return e.g. {@code northgate-transformers} for "Northgate Transformers" */
    public static String slugOf(String supplierName) {
        return supplierName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
