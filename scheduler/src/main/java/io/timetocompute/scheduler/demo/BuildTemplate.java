package io.timetocompute.scheduler.demo;

import static io.timetocompute.scheduler.demo.PoolKind.CIVIL;
import static io.timetocompute.scheduler.demo.PoolKind.COMMISSIONING;
import static io.timetocompute.scheduler.demo.PoolKind.ELECTRICAL;
import static io.timetocompute.scheduler.demo.PoolKind.IRONWORK;
import static io.timetocompute.scheduler.demo.PoolKind.MECHANICAL;
import static io.timetocompute.scheduler.demo.PoolKind.NETWORK;
import static io.timetocompute.scheduler.demo.PoolKind.TRAVEL_CX;
import static io.timetocompute.scheduler.demo.PoolKind.TRAVEL_HV;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.timetocompute.scheduler.portfolio.DependencyType;

/**
 * The work breakdown of a campus: shared site work, then per data hall its building, power, cooling, commissioning
 * and IT phases. Equipment that a hall has many of (unit substations, generators, UPS, CDUs, racks) is organised in
 * pods of about 6 MW, each with its own electrical lineup and cooling loop, so bigger halls have more pod tasks.
 * <p>
 * Steps are listed in precedence order: a step only names steps listed before it, which keeps the generated task
 * list topologically sorted. A step naming a step of a wider scope links to that one instance (a pod task after its
 * hall's task); a hall step naming a pod step links to that step in every pod of the hall.
 */
final class BuildTemplate {

    enum Scope { SITE, HALL, POD }

    /** Which substation work a site needs: new-build sites build one, repurposed factories refurbish theirs. */
    enum Substation { ANY, NEW_BUILD, EXISTING }

    enum Acceleration { NONE, OVERTIME, OVERTIME_OR_EXTRA_CREW }

    /** How a crew grows with the amount of work: fixed per pod, with the hall's MW, or with the site's MW. */
    enum CrewScale { FIXED, HALL, SITE }

    record CrewNeed(PoolKind pool, int headcount) {
    }

    record Link(String code, DependencyType type, int lagDays) {
    }

    record Step(String code, String name, String phase, Scope scope, Substation substation, int minDays,
            int maxDays, CrewScale crewScale, List<CrewNeed> crew, List<Link> after, Acceleration acceleration,
            Equipment equipment, boolean requiresPower, boolean bringsOnline) {

        boolean milestone() {
            return maxDays == 0;
        }

        boolean appliesTo(SiteArchetype archetype) {
            return switch (substation) {
                case ANY -> true;
                case NEW_BUILD -> !archetype.existingSubstation;
                case EXISTING -> archetype.existingSubstation;
            };
        }
    }

    static final List<Step> STEPS;
    static final Map<String, Step> BY_CODE;

    static {
        List<StepBuilder> steps = new ArrayList<>();

        // ---- shared site work: precedes every hall of the site
        steps.add(site("MOBILIZE", "Mobilization, camp and temporary facilities", "site prep", 5, 15)
                .crew(CIVIL, 25));
        steps.add(site("CLEAR-GRADE", "Clearing and mass grading", "site prep", 25, 60)
                .crew(CIVIL, 60).after("MOBILIZE").accelerate(Acceleration.OVERTIME_OR_EXTRA_CREW));
        steps.add(site("ROADS", "Access roads and laydown yards", "site prep", 15, 30)
                .crew(CIVIL, 30).startAfterStart("CLEAR-GRADE", 10));
        steps.add(site("SITE-UTIL", "Site underground utilities and storm drainage", "foundations and underground",
                25, 50)
                .crew(CIVIL, 35).crew(MECHANICAL, 10).after("CLEAR-GRADE").accelerate(Acceleration.OVERTIME));
        steps.add(site("SUB-CIVIL", "Substation grading, foundations and grounding grid", "substation and MV", 25, 45)
                .only(Substation.NEW_BUILD).crew(CIVIL, 30).crew(IRONWORK, 10).after("CLEAR-GRADE")
                .accelerate(Acceleration.OVERTIME));
        steps.add(site("SUB-STEEL", "Substation steel structures and rigid bus", "substation and MV", 20, 40)
                .only(Substation.NEW_BUILD).crew(IRONWORK, 20).crew(ELECTRICAL, 10).after("SUB-CIVIL")
                .accelerate(Acceleration.OVERTIME_OR_EXTRA_CREW));
        steps.add(site("SUB-XFMR", "Main power transformers: set in place, dress out, oil fill", "substation and MV",
                15, 30)
                .only(Substation.NEW_BUILD).fixedCrew().crew(TRAVEL_HV, 8).crew(ELECTRICAL, 10).after("SUB-STEEL")
                .installs(Equipment.MAIN_TRANSFORMER));
        steps.add(site("SUB-REFURB", "Existing substation inspection, breaker retrofit and relay upgrade",
                "substation and MV", 30, 60)
                .only(Substation.EXISTING).fixedCrew().crew(TRAVEL_HV, 6).crew(ELECTRICAL, 12).after("MOBILIZE")
                .accelerate(Acceleration.OVERTIME));
        steps.add(site("SUB-PROTECT", "Protection, control and SCADA panels", "substation and MV", 20, 35)
                .only(Substation.NEW_BUILD).fixedCrew().crew(ELECTRICAL, 12).after("SUB-STEEL"));
        steps.add(site("SUB-TEST", "Substation testing and relay commissioning", "commissioning", 10, 20)
                .fixedCrew().crew(TRAVEL_HV, 6).crew(TRAVEL_CX, 3).crew(ELECTRICAL, 6)
                .after("SUB-XFMR").after("SUB-PROTECT").after("SUB-REFURB"));
        steps.add(site("SUB-ENERGIZE", "Utility interconnection and substation energization", "energization", 3, 10)
                .fixedCrew().crew(TRAVEL_HV, 8).crew(ELECTRICAL, 6).after("SUB-TEST").needsPower());
        steps.add(site("MV-LOOP", "Site medium-voltage duct bank and feeder loop", "substation and MV", 25, 50)
                .crew(ELECTRICAL, 20).crew(CIVIL, 15).after("SITE-UTIL")
                .accelerate(Acceleration.OVERTIME_OR_EXTRA_CREW));
        steps.add(site("FIBER-ENTRY", "Diverse fiber entrances and meet-me room", "fit-out", 15, 30)
                .fixedCrew().crew(NETWORK, 8).crew(CIVIL, 6).after("SITE-UTIL"));

        // ---- per data hall: building shell
        steps.add(hall("PREP", "Hall pad preparation and grading", "site prep", 10, 25)
                .crew(CIVIL, 30).after("CLEAR-GRADE"));
        steps.add(hall("FOUND", "Foundations, piers and underground", "foundations and underground", 30, 60)
                .crew(CIVIL, 50).crew(IRONWORK, 15).after("PREP").after("SITE-UTIL")
                .accelerate(Acceleration.OVERTIME_OR_EXTRA_CREW));
        steps.add(hall("UG-ELEC", "Underground duct banks and grounding", "foundations and underground", 15, 30)
                .crew(ELECTRICAL, 15).crew(CIVIL, 10).startAfterStart("FOUND", 10));
        steps.add(hall("STEEL", "Structural steel erection", "structure and roof", 30, 60)
                .crew(IRONWORK, 40).after("FOUND").accelerate(Acceleration.OVERTIME_OR_EXTRA_CREW));
        steps.add(hall("ROOF", "Roofing and building envelope", "structure and roof", 25, 45)
                .crew(IRONWORK, 20).crew(CIVIL, 25).startAfterStart("STEEL", 20).accelerate(Acceleration.OVERTIME));
        steps.add(hall("INTERIOR", "Slab, interior framing and coatings", "structure and roof", 20, 40)
                .crew(CIVIL, 40).after("ROOF").accelerate(Acceleration.OVERTIME));
        steps.add(hall("GEN-YARD", "Generator yard pads and fuel system", "foundations and underground", 20, 35)
                .crew(CIVIL, 20).crew(MECHANICAL, 10).after("FOUND"));
        steps.add(hall("L1", "L1 factory witness testing", "commissioning", 10, 25)
                .fixedCrew().crew(TRAVEL_CX, 3).after("PREP"));

        // ---- per data hall: power
        steps.add(hall("MAIN-SWGR", "Main MV switchgear set in place and terminated", "switchgear", 15, 30)
                .crew(ELECTRICAL, 16).after("INTERIOR").after("UG-ELEC").after("L1").installs(Equipment.MV_SWITCHGEAR)
                .accelerate(Acceleration.OVERTIME));
        steps.add(hall("MV-FEEDERS", "Hall MV feeders from the site loop", "substation and MV", 15, 30)
                .crew(ELECTRICAL, 14).after("UG-ELEC").after("MV-LOOP")
                .accelerate(Acceleration.OVERTIME_OR_EXTRA_CREW));
        steps.add(pod("XFMR", "Unit substation transformer set and terminated", "transformers", 5, 10)
                .crew(ELECTRICAL, 8).crew(IRONWORK, 4).after("MAIN-SWGR").installs(Equipment.UNIT_TRANSFORMERS));
        steps.add(pod("GEN", "Generator set in place", "generators", 5, 10)
                .crew(IRONWORK, 6).crew(ELECTRICAL, 4).after("GEN-YARD").installs(Equipment.GENERATORS));
        steps.add(pod("LV-SWBD", "Low-voltage switchboards and distribution", "switchgear", 8, 15)
                .crew(ELECTRICAL, 10).after("XFMR"));
        steps.add(pod("UPS", "UPS modules, batteries and bypass", "UPS", 10, 20)
                .crew(ELECTRICAL, 10).after("LV-SWBD").installs(Equipment.UPS).accelerate(Acceleration.OVERTIME));
        steps.add(pod("TRAY", "Cable tray and ladder rack", "fit-out", 8, 15)
                .crew(ELECTRICAL, 8).after("INTERIOR").accelerate(Acceleration.OVERTIME));
        steps.add(pod("BUSWAY", "Overhead busway and tap-off boxes", "busway", 8, 15)
                .crew(ELECTRICAL, 8).after("TRAY").installs(Equipment.BUSWAY)
                .accelerate(Acceleration.OVERTIME_OR_EXTRA_CREW));
        steps.add(pod("GEN-TERM", "Generator cabling, controls and terminations", "generators", 8, 15)
                .crew(ELECTRICAL, 8).after("GEN").after("LV-SWBD").accelerate(Acceleration.OVERTIME_OR_EXTRA_CREW));

        // ---- per data hall: cooling, fire and life safety, fit-out
        steps.add(hall("CHILLERS", "Chiller plant set and piped", "mechanical", 25, 45)
                .crew(MECHANICAL, 25).crew(IRONWORK, 8).after("ROOF").installs(Equipment.CHILLERS)
                .accelerate(Acceleration.OVERTIME));
        steps.add(hall("PIPING", "Primary chilled-water and technology cooling piping", "mechanical", 30, 60)
                .crew(MECHANICAL, 30).after("INTERIOR").accelerate(Acceleration.OVERTIME_OR_EXTRA_CREW));
        steps.add(hall("AHU", "Air handlers, fan walls and exhaust", "mechanical", 20, 35)
                .crew(MECHANICAL, 15).crew(ELECTRICAL, 4).after("ROOF"));
        steps.add(hall("FIRE", "Fire detection, suppression and life safety", "fire and life safety", 25, 45)
                .crew(MECHANICAL, 12).crew(ELECTRICAL, 6).after("INTERIOR").accelerate(Acceleration.OVERTIME));
        steps.add(pod("CDU", "CDUs and secondary liquid-cooling loop", "mechanical", 10, 20)
                .crew(MECHANICAL, 10).after("PIPING").installs(Equipment.CDUS).accelerate(Acceleration.OVERTIME));
        steps.add(pod("CONTAIN", "Hot-aisle containment", "fit-out", 5, 12)
                .crew(CIVIL, 8).after("BUSWAY"));
        steps.add(pod("FIBER", "Structured cabling and fiber trunks", "fit-out", 8, 15)
                .crew(NETWORK, 8).after("TRAY"));

        // ---- per data hall: commissioning and energization
        steps.add(pod("L2", "L2 set-in-place inspection", "commissioning", 3, 6)
                .crew(COMMISSIONING, 2).crew(TRAVEL_CX, 1)
                .after("UPS").after("GEN-TERM").after("BUSWAY").after("CDU"));
        steps.add(hall("ENERGIZE", "Hall permanent power energization", "energization", 3, 8)
                .fixedCrew().crew(TRAVEL_HV, 6).crew(ELECTRICAL, 8)
                .after("MAIN-SWGR").after("MV-FEEDERS").after("SUB-ENERGIZE").after("L2").needsPower());
        steps.add(pod("L3", "L3 start-up and pre-functional checks", "commissioning", 4, 8)
                .crew(COMMISSIONING, 3).crew(ELECTRICAL, 4).after("ENERGIZE"));
        steps.add(pod("L4", "L4 functional performance testing", "commissioning", 5, 10)
                .crew(COMMISSIONING, 3).crew(TRAVEL_CX, 2).after("L3"));
        steps.add(hall("CONTROLS", "BMS and EPMS controls integration", "commissioning", 20, 35)
                .fixedCrew().crew(NETWORK, 6).crew(COMMISSIONING, 2).after("INTERIOR"));
        steps.add(hall("L5", "L5 integrated systems test", "commissioning", 10, 20)
                .fixedCrew().crew(TRAVEL_CX, 6).crew(COMMISSIONING, 6).crew(ELECTRICAL, 6).crew(MECHANICAL, 6)
                .after("L4").after("CHILLERS").after("AHU").after("FIRE").after("CONTROLS")
                .accelerate(Acceleration.OVERTIME));

        // ---- per data hall: IT
        steps.add(pod("RACKS", "Rack set in place and power whips", "IT install", 5, 10)
                .crew(NETWORK, 6).crew(ELECTRICAL, 4).after("CONTAIN").after("FIBER").after("ENERGIZE")
                .installs(Equipment.RACKS));
        steps.add(pod("GPU", "GPU server install and cabling", "IT install", 8, 15)
                .crew(NETWORK, 12).after("RACKS").after("L5").installs(Equipment.GPU_SERVERS)
                .accelerate(Acceleration.OVERTIME_OR_EXTRA_CREW));
        steps.add(pod("BURN-IN", "Burn-in and acceptance", "IT install", 10, 15)
                .crew(NETWORK, 4).crew(COMMISSIONING, 1).after("GPU"));
        steps.add(hall("FABRIC", "Network fabric bring-up and cluster acceptance", "IT install", 10, 20)
                .crew(NETWORK, 10).after("GPU").after("FIBER-ENTRY"));
        steps.add(hall("ONLINE", "Compute online", "milestone", 0, 0)
                .after("BURN-IN").after("FABRIC").bringsOnline());

        List<Step> built = new ArrayList<>();
        Map<String, Step> byCode = new HashMap<>();
        for (StepBuilder builder : steps) {
            Step step = builder.build();
            checkLinks(step, byCode);
            if (byCode.put(step.code(), step) != null) {
                throw new IllegalStateException("step code used twice: " + step.code());
            }
            built.add(step);
        }
        STEPS = List.copyOf(built);
        BY_CODE = Map.copyOf(byCode);
    }

    private BuildTemplate() {
    }

    /** @return the number of tasks of one site's shared work */
    static int siteTaskCount(SiteArchetype archetype) {
        return (int) STEPS.stream().filter(s -> s.scope() == Scope.SITE && s.appliesTo(archetype)).count();
    }

    /** @return the number of tasks of a hall with {@code pods} pods */
    static int hallTaskCount(int pods) {
        int hallSteps = (int) STEPS.stream().filter(s -> s.scope() == Scope.HALL).count();
        int podSteps = (int) STEPS.stream().filter(s -> s.scope() == Scope.POD).count();
        return hallSteps + pods * podSteps;
    }

    /** Catches a template edit that would break the topological order or link a site step into a hall. */
    private static void checkLinks(Step step, Map<String, Step> earlier) {
        for (Link link : step.after()) {
            Step target = earlier.get(link.code());
            if (target == null) {
                throw new IllegalStateException(
                        step.code() + " follows " + link.code() + ", which is not listed before it");
            }
            if (step.scope() == Scope.SITE && target.scope() != Scope.SITE) {
                throw new IllegalStateException("site step " + step.code() + " cannot follow hall work " + link.code());
            }
        }
    }

    private static StepBuilder site(String code, String name, String phase, int minDays, int maxDays) {
        return new StepBuilder(code, name, phase, Scope.SITE, minDays, maxDays).scale(CrewScale.SITE);
    }

    private static StepBuilder hall(String code, String name, String phase, int minDays, int maxDays) {
        return new StepBuilder(code, name, phase, Scope.HALL, minDays, maxDays).scale(CrewScale.HALL);
    }

    private static StepBuilder pod(String code, String name, String phase, int minDays, int maxDays) {
        return new StepBuilder(code, name, phase, Scope.POD, minDays, maxDays).scale(CrewScale.FIXED);
    }

    /** Keeps the step list above readable: one line of intent per step instead of a 14-argument constructor. */
    private static final class StepBuilder {
        private final String code;
        private final String name;
        private final String phase;
        private final Scope scope;
        private final int minDays;
        private final int maxDays;
        private Substation substation = Substation.ANY;
        private CrewScale crewScale;
        private final List<CrewNeed> crew = new ArrayList<>();
        private final List<Link> after = new ArrayList<>();
        private Acceleration acceleration = Acceleration.NONE;
        private Equipment equipment;
        private boolean requiresPower;
        private boolean bringsOnline;

        StepBuilder(String code, String name, String phase, Scope scope, int minDays, int maxDays) {
            this.code = code;
            this.name = name;
            this.phase = phase;
            this.scope = scope;
            this.minDays = minDays;
            this.maxDays = maxDays;
        }

        StepBuilder scale(CrewScale scale) {
            this.crewScale = scale;
            return this;
        }

        /** Specialist crews (HV, commissioning, controls) have the same size whatever the hall. */
        StepBuilder fixedCrew() {
            return scale(CrewScale.FIXED);
        }

        StepBuilder crew(PoolKind pool, int headcount) {
            crew.add(new CrewNeed(pool, headcount));
            return this;
        }

        StepBuilder after(String predecessor) {
            after.add(new Link(predecessor, DependencyType.FS, 0));
            return this;
        }

        StepBuilder startAfterStart(String predecessor, int lagDays) {
            after.add(new Link(predecessor, DependencyType.SS, lagDays));
            return this;
        }

        StepBuilder only(Substation variant) {
            this.substation = variant;
            return this;
        }

        StepBuilder accelerate(Acceleration how) {
            this.acceleration = how;
            return this;
        }

        StepBuilder installs(Equipment what) {
            this.equipment = what;
            return this;
        }

        StepBuilder needsPower() {
            this.requiresPower = true;
            return this;
        }

        StepBuilder bringsOnline() {
            this.bringsOnline = true;
            return this;
        }

        Step build() {
            return new Step(code, name, phase, scope, substation, minDays, maxDays, crewScale, List.copyOf(crew),
                    List.copyOf(after), acceleration, equipment, requiresPower, bringsOnline);
        }
    }
}
