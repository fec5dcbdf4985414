package io.timetocompute.scheduler.demo;

/**
 * The labor pools of the demo: six local trades hired per site, and three kinds of crews that travel between the
 * sites of a region.
 */
enum PoolKind {

    CIVIL("CIVIL", "civil", "civil and general trades", false, 4.0, 60),
    IRONWORK("IRON", "ironwork", "ironworkers", false, 2.0, 40),
    ELECTRICAL("ELEC", "electrical", "electricians", false, 4.0, 60),
    MECHANICAL("MECH", "mechanical", "pipefitters and mechanical trades", false, 3.0, 50),
    COMMISSIONING("CX", "commissioning", "commissioning technicians", false, 0.3, 12),
    NETWORK("NET", "network", "network and IT installers", false, 1.0, 24),
    TRAVEL_HV("HV", "hv-electrical", "traveling high-voltage substation crews", true, 0, 12),
    TRAVEL_CX("CX", "commissioning", "traveling commissioning agents", true, 0, 10),
    TRAVEL_ELEC("ELEC", "electrical", "traveling electricians", true, 0, 40);

    final String code;
    final String trade;
    final String description;
    final boolean traveling;
    /** local pools: steady-state headcount per MW of the site's IT load (unused for traveling pools) */
    final double perMw;
    /** the smallest pool, so that small sites can still staff every crew */
    final int minimum;

    PoolKind(String code, String trade, String description, boolean traveling, double perMw, int minimum) {
        this.code = code;
        this.trade = trade;
        this.description = description;
        this.traveling = traveling;
        this.perMw = perMw;
        this.minimum = minimum;
    }
}
