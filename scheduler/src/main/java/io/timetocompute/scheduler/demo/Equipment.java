package io.timetocompute.scheduler.demo;

import java.util.List;

/**
 * Long-lead equipment the demo ships to sites, with fictitious suppliers and the lead times reported for 2024-2025.
 * <p>
 * Promised dates are derived from when the installing work would start without resource conflicts: most arrive a
 * little before they are needed, some late ({@link #lateChance}), none earlier than {@link #minDaysOut} from the data
 * date because equipment that close would already be on a truck and tracked as such, and none later than
 * {@link #maxDaysOut} (suppliers do not promise further ahead; only binding for transformers).
 */
enum Equipment {

    MAIN_TRANSFORMER("XFMR", "Large power transformer 230/34.5 kV, 120 MVA", false, 5, 92, 900, 0.30,
            List.of("Northgate Transformers", "Ridgeline Power Equipment", "Baltic Magnetics")),
    MV_SWITCHGEAR("SWGR", "34.5 kV metal-clad switchgear lineup", false, 3, 60, 1800, 0.25,
            List.of("Meridian Switchgear", "Cobalt Electric Systems")),
    UNIT_TRANSFORMERS("USS", "Unit substation transformer 34.5 kV/480 V, 3.5 MVA", false, 3, 45, 1800, 0.15,
            List.of("Ridgeline Power Equipment", "Keystone Transformer Works")),
    GENERATORS("GEN", "Diesel generator set 3 MW with enclosure", true, 3, 60, 1800, 0.25,
            List.of("Ironbark Generators", "Prairie Diesel Power")),
    UPS("UPS", "UPS module 1.5 MW with lithium-ion battery cabinets", false, 2, 30, 1800, 0.15,
            List.of("Sentinel Power Conversion", "Voltaic Systems")),
    BUSWAY("BUS", "Overhead busway run with tap-off boxes", false, 1, 21, 1800, 0.10,
            List.of("Linebridge Busway")),
    CHILLERS("CHLR", "Air-cooled chiller 1,500 kW", false, 3, 45, 1800, 0.20,
            List.of("Polar Thermal", "Cascade Cooling Systems")),
    CDUS("CDU", "Coolant distribution unit 1.5 MW", false, 2, 21, 1800, 0.15,
            List.of("Coolant Dynamics", "Thermoflux Liquid Cooling")),
    RACKS("RACK", "Liquid-cooled rack enclosure with PDUs", false, 1, 14, 1800, 0.10,
            List.of("Stackline Enclosures")),
    GPU_SERVERS("GPU", "GPU rack-scale system, 72 GPUs, liquid-cooled", true, 2, 14, 1800, 0.30,
            List.of("Helix Compute Systems", "Quantaris Servers"));

    final String code;
    final String material;
    /** delivered in two tranches: the first half of the hall's pods waits for the first */
    final boolean tranched;
    final int receivingDays;
    final int minDaysOut;
    final int maxDaysOut;
    final double lateChance;
    final List<String> suppliers;

    Equipment(String code, String material, boolean tranched, int receivingDays, int minDaysOut, int maxDaysOut,
            double lateChance, List<String> suppliers) {
        this.code = code;
        this.material = material;
        this.tranched = tranched;
        this.receivingDays = receivingDays;
        this.minDaysOut = minDaysOut;
        this.maxDaysOut = maxDaysOut;
        this.lateChance = lateChance;
        this.suppliers = suppliers;
    }
}
