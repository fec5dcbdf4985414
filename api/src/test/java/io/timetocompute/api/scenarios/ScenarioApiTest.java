package io.timetocompute.api.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;

import io.timetocompute.api.ApiIntegrationTest;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.api.store.StoreCommit;
import io.timetocompute.events.contract.Topics;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.replanning.LivePlan;
import io.timetocompute.scheduler.solver.ImprovementGate;

/**
 * Scenarios, comparisons, goal seeking and promotion over REST, on the shared 300-task demo portfolio. Only the
 * promotion test changes the live plan, on a shipment and a pool no other test reads.
 */
class ScenarioApiTest extends ApiIntegrationTest {

    private static final String BASE = "/api/portfolios/demo";

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private StoreCommit commit;

    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    @Test
    void scenariosAreSolvedInTheBackgroundAndLeaveTheLivePlanAlone() throws Exception {
        Shipment shipment = openShipments().get(0);
        // Only a change could publish now: the solver's own improvements wait while this test runs.
        try (ImprovementGate.Hold hold = session.plan(LivePlans.DEMO).holdImprovement()) {
            LivePlan plan = session.plan(LivePlans.DEMO);
            Portfolio portfolio = plan.portfolio();
            LivePlan.Publication publication = plan.latestPublication().orElseThrow();
            Map<TopicPartition, Long> offsets = endOffsets();
            String timeline = mvc.perform(get(BASE + "/timeline").with(planner()))
                    .andReturn().getResponse().getContentAsString();

            String first = create("late " + shipment.id(), false, "[" + eta("e1", shipment, 120) + "]");
            String second = create("more crew", false, headcount("h1", pools().get(0), 5));
            String firstDone = awaitDone(first);
            awaitDone(second);

            assertThat((List<Object>) JsonPath.read(firstDone, "$.result.blocks")).isNotEmpty();
            assertThat((Object) JsonPath.read(firstDone, "$.result.changes[0].refusal")).isNull();
            assertThat((Integer) JsonPath.read(firstDone, "$.forkedAtVersion")).isEqualTo((int) publication.version());
            assertThat((Double) JsonPath.read(firstDone, "$.progress")).isEqualTo(1.0);

            assertThat(plan.portfolio()).isSameAs(portfolio);
            assertThat(plan.latestPublication().orElseThrow()).isSameAs(publication);
            assertThat(session.plan(LivePlans.DEMO)).isSameAs(plan);
            assertThat(endOffsets()).isEqualTo(offsets);
            assertThat(mvc.perform(get(BASE + "/timeline").with(planner())).andReturn().getResponse()
                    .getContentAsString()).isEqualTo(timeline);
        }
    }

    @Test
    void plannersShareScenariosWithExecutivesAndSuppliersSeeNone() throws Exception {
        String id = create("private", false, headcount("h1", pools().get(1), 2));
        mvc.perform(get(BASE + "/scenarios").with(planner()))
                .andExpect(jsonPath("$[*].id", hasItem(id)));
        mvc.perform(get(BASE + "/scenarios").with(executive()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", not(hasItem(id))))
                .andExpect(jsonPath("$[*].shared", everyItem(is(true))));
        mvc.perform(get(BASE + "/scenarios/{id}", id).with(executive()))
                .andExpect(problem(404, "not-found", "no scenario"));
        mvc.perform(get(BASE + "/compare?left=live&right=scenario:" + id).with(executive()))
                .andExpect(problem(404, "not-found", "no scenario"));
        mvc.perform(get(BASE + "/scenarios").with(supplier())).andExpect(status().isForbidden());
        mvc.perform(get(BASE + "/scenarios/{id}", id).with(supplier())).andExpect(status().isForbidden());
        mvc.perform(post(BASE + "/scenarios").with(executive()).contentType(MediaType.APPLICATION_JSON)
                .content(body("nope", false, "[]"))).andExpect(status().isForbidden());
        mvc.perform(post(BASE + "/goals").with(executive()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"blockId\":\"x\",\"by\":\"2027-01-01\"}")).andExpect(status().isForbidden());

        mvc.perform(put(BASE + "/scenarios/{id}/shared", id).with(executive())
                .contentType(MediaType.APPLICATION_JSON).content("{\"shared\":true}"))
                .andExpect(status().isForbidden());
        mvc.perform(put(BASE + "/scenarios/{id}/shared", id).with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"shared\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shared").value(true));
        mvc.perform(get(BASE + "/scenarios").with(executive()))
                .andExpect(jsonPath("$[*].id", hasItem(id)));
        awaitDone(id);
        mvc.perform(get(BASE + "/scenarios/{id}", id).with(executive()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result.blocks").isArray());
        mvc.perform(get(BASE + "/compare?left=live&right=scenario:" + id).with(executive()))
                .andExpect(status().isOk());
        mvc.perform(delete(BASE + "/scenarios/{id}", id).with(executive())).andExpect(status().isForbidden());
        mvc.perform(post(BASE + "/scenarios/{id}/promote", id).with(executive())).andExpect(status().isForbidden());

        mvc.perform(delete(BASE + "/scenarios/{id}", id).with(planner())).andExpect(status().isNoContent());
        mvc.perform(get(BASE + "/scenarios/{id}", id).with(planner()))
                .andExpect(problem(404, "not-found", "no scenario"));
    }

    @Test
    void comparesTheLivePlanWithAScenario() throws Exception {
        Shipment shipment = openShipments().get(1);
        String id = create("much later " + shipment.id(), false, "[" + eta("e1", shipment, 400) + "]");
        awaitDone(id);
        mvc.perform(get(BASE + "/compare?left=live&right=scenario:" + id).with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.left", org.hamcrest.Matchers.startsWith("live v")))
                .andExpect(jsonPath("$.right").value("scenario much later " + shipment.id()))
                .andExpect(jsonPath("$.blocks[?(@.siteId == '" + shipment.siteId() + "')].deltaDays",
                        hasItem(greaterThan(0))))
                .andExpect(jsonPath("$.blocks[?(@.deltaDays > 0)].drivingPath.changed", hasItem(true)))
                .andExpect(jsonPath("$.moneyDelta.computeDelay", greaterThan(0)))
                .andExpect(jsonPath("$.pools").isArray());
        // The same schedule on both sides: nothing differs.
        mvc.perform(get(BASE + "/compare?left=scenario:" + id + "&right=scenario:" + id).with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.blocks[*].deltaDays", everyItem(is(0))))
                .andExpect(jsonPath("$.moneyDelta.computeDelay").value(0));
        mvc.perform(get(BASE + "/compare?left=baseline&right=live").with(planner()))
                .andExpect(problem(400, "invalid-scenario", "live or scenario:{id}"));
        mvc.perform(get(BASE + "/compare?left=live&right=scenario:nope").with(planner()))
                .andExpect(problem(404, "not-found", "no scenario 'nope'"));
    }

    @Test
    void promotionSendsExactlyTheScenariosChangesAsEvents() throws Exception {
        List<Shipment> shipments = openShipments();
        Shipment shipment = shipments.get(shipments.size() - 1);
        List<LaborPool> pools = pools();
        LaborPool pool = pools.get(pools.size() - 1);
        LocalDate newDate = shipment.promisedDate().plusDays(3);
        String id = create("promoted", false, "[" + eta("p1", shipment, 3) + ","
                + capacity("p2", pool) + "," + headcount("p3", pool, 4).replace("[", "").replace("]", "") + "]");
        String source = "/planners/planner/scenarios/" + id;
        mvc.perform(post(BASE + "/scenarios/{id}/promote", id).with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(2))
                .andExpect(jsonPath("$.refused").value(1))
                .andExpect(jsonPath("$.changes[*].id", contains("p1", "p2", "p3")))
                .andExpect(jsonPath("$.changes[*].status", contains("APPLIED", "APPLIED", "NOT_PROMOTABLE")))
                .andExpect(jsonPath("$.changes[0].source").value(source));
        mvc.perform(get(BASE + "/events?size=500").with(planner()))
                .andExpect(jsonPath("$.items[?(@.source == '" + source + "')].id", containsInAnyOrder("p1", "p2")))
                .andExpect(jsonPath("$.items[?(@.source == '" + source + "')].type", containsInAnyOrder(
                        "io.timetocompute.supply.shipment.eta-changed.v1",
                        "io.timetocompute.labor.capacity-changed.v1")));
        assertThat(session.plan(LivePlans.DEMO).portfolio().shipments().stream()
                .filter(s -> s.id().equals(shipment.id())).findFirst().orElseThrow().promisedDate())
                .isEqualTo(newDate);
        // Promoting twice changes nothing more.
        mvc.perform(post(BASE + "/scenarios/{id}/promote", id).with(planner()))
                .andExpect(jsonPath("$.applied").value(0))
                .andExpect(jsonPath("$.changes[*].status", contains("DUPLICATE", "DUPLICATE", "NOT_PROMOTABLE")));
        // Its solve ends before the next test (one of them restarts the scenario store).
        awaitDone(id);
    }

    @Test
    void goalSeekingRunsInTheBackgroundAndAnswersWithDates() throws Exception {
        LivePlan.Publication publication = session.latestPublication(LivePlans.DEMO).orElseThrow();
        var block = publication.projection().blocks().get(0);
        LocalDate by = block.onlineDate().minusDays(30);
        String created = mvc.perform(post(BASE + "/goals").with(planner()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"blockId\":\"" + block.blockId() + "\",\"by\":\"" + by + "\",\"seconds\":3}"))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.status").value("queued"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        String done = awaitDone(BASE + "/goals/" + id);
        assertThat((String) JsonPath.read(done, "$.result.objective")).contains(block.blockId()).contains(by.toString());
        assertThat((List<Object>) JsonPath.read(done, "$.result.blocks")).hasSize(publication.projection().blocks()
                .size());
        boolean reached = JsonPath.read(done, "$.result.reached");
        if (!reached) {
            assertThat((String) JsonPath.read(done, "$.result.stoppedBy")).isNotBlank();
        }
        mvc.perform(get(BASE + "/goals").with(planner())).andExpect(jsonPath("$[*].id", hasItem(id)));
        mvc.perform(post(BASE + "/goals").with(planner()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"blockId\":\"B\"}"))
                .andExpect(problem(400, "invalid-goal", "needs a date"));
        mvc.perform(delete(BASE + "/goals/{id}", id).with(planner())).andExpect(status().isNoContent());
    }

    @Test
    void badChangesAreProblemsAndNothingIsStored() throws Exception {
        long before = mongo.count(new org.springframework.data.mongodb.core.query.Query(), ScenarioDocument.class);
        mvc.perform(post(BASE + "/scenarios").with(planner()).contentType(MediaType.APPLICATION_JSON)
                        .content(body("bad", false, "[{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"nope\","
                                + "\"source\":\"/p\",\"data\":{}}]")))
                .andExpect(problem(400, "invalid-scenario", "event #1: unknown type nope"));
        mvc.perform(post(BASE + "/scenarios").with(planner()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"changes\":[]}"))
                .andExpect(problem(400, "invalid-scenario", "name is missing"));
        mvc.perform(post(BASE + "/scenarios").with(planner()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"changes\":[],\"seconds\":100000}"))
                .andExpect(problem(400, "invalid-scenario", "seconds must be from 1 to"));
        mvc.perform(post(BASE + "/scenarios").with(planner()).contentType(MediaType.APPLICATION_JSON)
                        .content("not json"))
                .andExpect(problem(400, "invalid-scenario", "not JSON"));
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), ScenarioDocument.class))
                .isEqualTo(before);
    }

    @Test
    void runsUnfinishedAtARestartAreMarkedFailed() {
        ScenarioDocument solving = new ScenarioDocument("restart-test", LivePlans.DEMO, ScenarioDocument.SCENARIO,
                "interrupted", "planner", false, Instant.now(), ScenarioDocument.Status.SOLVING, Instant.now(), null,
                1000, 1, "[]", null, null, 0, null, null);
        mongo.insert(solving);
        try (Scenarios restarted = new Scenarios(session, mongo, commit,
                new ScenarioProperties(null, null, null, null, null), java.time.Clock.systemUTC())) {
            ScenarioDocument after = restarted.get(LivePlans.DEMO, ScenarioDocument.SCENARIO, "restart-test", false);
            assertThat(after.status()).isEqualTo(ScenarioDocument.Status.FAILED);
            assertThat(after.failure()).isEqualTo(Scenarios.RESTARTED);
        }
    }

    // --- helpers

    private String create(String name, boolean shared, String changes) throws Exception {
        String created = mvc.perform(post(BASE + "/scenarios").with(planner()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(name, shared, changes)))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.result").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(created, "$.id");
    }

    private String awaitDone(String idOrPath) throws Exception {
        String path = idOrPath.startsWith("/") ? idOrPath : BASE + "/scenarios/" + idOrPath;
        String[] last = new String[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = mvc.perform(get(path).with(planner())).andReturn().getResponse().getContentAsString();
            String status = JsonPath.read(last[0], "$.status");
            assertThat(status).isNotEqualTo("failed");
            return "done".equals(status);
        });
        return last[0];
    }

    private static String body(String name, boolean shared, String changes) {
        return "{\"name\":\"" + name + "\",\"shared\":" + shared + ",\"seconds\":2,\"changes\":" + changes + "}";
    }

    private static String eta(String id, Shipment shipment, int daysLater) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"io.timetocompute.supply.shipment.eta-changed.v1\","
                + "\"source\":\"/planners/test\",\"data\":{\"shipmentId\":\"" + shipment.id() + "\",\"newDate\":\""
                + shipment.promisedDate().plusDays(daysLater) + "\",\"reason\":\"scenario test\"}}";
    }

    private static String capacity(String id, LaborPool pool) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"io.timetocompute.labor.capacity-changed.v1\","
                + "\"source\":\"/planners/test\",\"data\":{\"poolId\":\"" + pool.id() + "\",\"from\":\"2027-02-01\","
                + "\"to\":\"2027-02-05\",\"delta\":1,\"reason\":\"scenario test\"}}";
    }

    private static String headcount(String id, LaborPool pool, int delta) {
        return "[{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"io.timetocompute.lever.headcount.v1\","
                + "\"source\":\"/planners/test\",\"data\":{\"poolId\":\"" + pool.id() + "\",\"from\":\"2027-03-01\","
                + "\"to\":\"2027-03-31\",\"delta\":" + delta + "}}]";
    }

    private List<Shipment> openShipments() {
        return session.plan(LivePlans.DEMO).portfolio().shipments().stream()
                .filter(s -> s.deliveredDate() == null).sorted(Comparator.comparing(Shipment::id)).toList();
    }

    private List<LaborPool> pools() {
        return session.plan(LivePlans.DEMO).portfolio().pools().stream()
                .sorted(Comparator.comparing(LaborPool::id)).toList();
    }

    private Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            Set<TopicPartition> partitions = Set.of(Topics.PROJECTIONS, Topics.TIMELINE, Topics.SUPPLIER_NEEDS)
                    .stream().flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .collect(Collectors.toSet());
            return consumer.endOffsets(partitions);
        }
    }
}
