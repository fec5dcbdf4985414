package io.timetocompute.scheduler.portfolio;

/**
 * A non-renewable allowance consumed by task modes over the whole plan (e.g. a site's overtime hours).
 */
public record Budget(String id, String siteId, String name, long capacity) {
}
