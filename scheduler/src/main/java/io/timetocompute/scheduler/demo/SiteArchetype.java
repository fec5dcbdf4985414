package io.timetocompute.scheduler.demo;

import java.util.List;

/**
 * The kinds of campus the demo builds, each after a real pattern of where AI capacity goes: stranded power, cheap
 * hydro, sunk industrial infrastructure, cold climate.
 */
enum SiteArchetype {

    WEST_TEXAS_WIND("WTX", "%s Wind Campus", "West Texas, US (stranded wind behind transmission constraints)", null,
            List.of("Pecos", "Fort Stockton", "Monahans", "Big Spring", "Sweetwater", "Snyder", "Andrews", "Kermit",
                    "Seminole", "Lamesa"),
            18, 30, 3, 4, false, false, 260),
    QUEBEC_HYDRO("QC", "%s Hydro Campus", "Quebec, Canada (hydro power)", DemoCalendars.QUEBEC,
            List.of("Baie-Comeau", "Saguenay", "Beauharnois", "Trois-Rivieres", "Drummondville", "Sept-Iles",
                    "Shawinigan", "Rouyn-Noranda"),
            10, 20, 2, 3, false, true, 240),
    OHIO_FACTORY("OH", "%s Works", "Ohio, US (repurposed factory with an existing substation)", null,
            List.of("Lima", "Lorain", "Mansfield", "Canton", "Youngstown", "Springfield", "Hamilton", "Marion"),
            6, 12, 1, 2, true, false, 200),
    NORWAY("NO", "%s Fjord Campus", "Norway (hydro power, cold climate)", DemoCalendars.NORWAY,
            List.of("Mo i Rana", "Narvik", "Mosjoen", "Sauda", "Rjukan", "Odda"),
            8, 20, 2, 3, false, true, 300),
    SWEDEN("SE", "%s Boreal Campus", "Sweden (hydro power, cold climate)", DemoCalendars.SWEDEN,
            List.of("Lulea", "Boden", "Sundsvall", "Borlange", "Skelleftea", "Pitea"),
            8, 20, 2, 3, false, true, 290);

    final String idPrefix;
    final String namePattern;
    final String region;
    /** the site's own calendar; null: the portfolio's default (US) */
    final String calendar;
    final List<String> places;
    final int powerMonthsMin;
    final int powerMonthsMax;
    final int preferredHallsMin;
    final int preferredHallsMax;
    /** the old plant's substation is re-used: it is refurbished instead of built, which removes long-lead work */
    final boolean existingSubstation;
    /** outdoor work stops or slows in deep winter */
    final boolean harshWinter;
    /** premium per worker and overtime day (wages at time and a half, plus camp or per-diem costs) */
    final int overtimePremiumPerWorkerDay;

    SiteArchetype(String idPrefix, String namePattern, String region, String calendar, List<String> places,
            int powerMonthsMin, int powerMonthsMax, int preferredHallsMin, int preferredHallsMax,
            boolean existingSubstation, boolean harshWinter, int overtimePremiumPerWorkerDay) {
        this.idPrefix = idPrefix;
        this.namePattern = namePattern;
        this.region = region;
        this.calendar = calendar;
        this.places = places;
        this.powerMonthsMin = powerMonthsMin;
        this.powerMonthsMax = powerMonthsMax;
        this.preferredHallsMin = preferredHallsMin;
        this.preferredHallsMax = preferredHallsMax;
        this.existingSubstation = existingSubstation;
        this.harshWinter = harshWinter;
        this.overtimePremiumPerWorkerDay = overtimePremiumPerWorkerDay;
    }

    /** Sites cycle West Texas, Quebec, Ohio, Nordic; the Nordic slot alternates Norway and Sweden. */
    static SiteArchetype forSiteNumber(int siteIndex) {
        return switch (siteIndex % 4) {
            case 0 -> WEST_TEXAS_WIND;
            case 1 -> QUEBEC_HYDRO;
            case 2 -> OHIO_FACTORY;
            default -> (siteIndex / 4) % 2 == 0 ? NORWAY : SWEDEN;
        };
    }

    boolean nordic() {
        return this == NORWAY || this == SWEDEN;
    }

    /** Crews travel within a region; an ocean is too far for a crew shared week to week. */
    String travelRegion() {
        return nordic() ? "NORDIC" : "NA";
    }

    double preferredHalls() {
        return (preferredHallsMin + preferredHallsMax) / 2.0;
    }
}
