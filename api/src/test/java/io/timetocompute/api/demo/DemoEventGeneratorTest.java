package io.timetocompute.api.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import io.timetocompute.api.FullServiceTest;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.api.store.InboundEventDocument;
import io.timetocompute.events.inbound.EventTranslator;
import io.timetocompute.events.inbound.InboundEvent;
import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.portfolio.Portfolio;

/**
 * The demo generator's events go through Kafka like any supplier's and are applied. The shared test context has
 * it off (ttc.demo.events-enabled=false), so this test runs one of its own on that context's session and broker.
 */
@FullServiceTest
class DemoEventGeneratorTest {

    @Autowired
    LivePlans session;

    @Autowired
    KafkaTemplate<String, byte[]> template;

    @Autowired
    MongoTemplate mongo;

    @Test
    void itsEventsOfSeveralKindsAreAppliedThroughKafka() {
        DemoEventGenerator generator = new DemoEventGenerator(session, template,
                new DemoEventProperties(true, Duration.ofMillis(150), 11L), Clock.systemUTC());
        generator.start();
        try {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(appliedDemoEventTypes())
                    .contains("io.timetocompute.supply.shipment.eta-changed.v1")
                    .hasSizeGreaterThanOrEqualTo(3));
        } finally {
            generator.stop();
        }
        assertThat(generator.isRunning()).isFalse();
    }

    @Test
    void theSameSeedTellsTheSameStoryAndEveryEventIsValid() {
        Portfolio portfolio = DemoPortfolioGenerator.generate(300, 42L);
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
        List<String> first = story(new DemoEventScenario(5L, clock), portfolio);
        assertThat(story(new DemoEventScenario(5L, clock), portfolio)).isEqualTo(first);
        assertThat(story(new DemoEventScenario(6L, clock), portfolio)).isNotEqualTo(first);
        assertThat(first.stream().map(line -> line.split(" ")[0]).collect(Collectors.toSet())).hasSizeGreaterThan(3);

        EventTranslator translator = new EventTranslator();
        DemoEventScenario scenario = new DemoEventScenario(5L, clock);
        IntStream.range(0, 50).forEach(i -> {
            DemoEvent demo = scenario.next(portfolio).orElseThrow();
            assertThat(translator.translate(InboundEvent.of(demo.event(), clock.instant()), portfolio))
                    .as(demo.event().getType()).isNotNull();
        });
    }

    private static List<String> story(DemoEventScenario scenario, Portfolio portfolio) {
        return IntStream.range(0, 30).mapToObj(i -> scenario.next(portfolio).orElseThrow())
                .map(demo -> demo.event().getType() + " " + demo.event().getSource() + " "
                        + new String(demo.event().getData().toBytes()))
                .toList();
    }

    private Set<String> appliedDemoEventTypes() {
        return mongo.findAll(InboundEventDocument.class).stream()
                .filter(event -> event.eventId().startsWith("demo-") && "APPLIED".equals(event.status()))
                .map(InboundEventDocument::type)
                .collect(Collectors.toSet());
    }
}
