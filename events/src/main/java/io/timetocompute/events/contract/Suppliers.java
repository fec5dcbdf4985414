package io.timetocompute.events.contract;

import java.util.Locale;

/** Supplier systems publish with {@code source = /suppliers/<slug of the supplier's name>}. */
public final class Suppliers {

    private static final String PREFIX = "/suppliers/";

    private Suppliers() {
    }

    /** @return the CloudEvents source a supplier must use, e.g. {@code /suppliers/northgate-transformers} */
    public static String sourceOf(String supplierName) {
        return PREFIX + slugOf(supplierName);
    }

    /** @return e.g. {@code northgate-transformers} for "Northgate Transformers" */
    public static String slugOf(String supplierName) {
        return supplierName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
