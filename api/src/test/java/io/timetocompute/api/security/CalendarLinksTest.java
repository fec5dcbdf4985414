package io.timetocompute.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.timetocompute.api.infrastructure.EmbeddedMongoStore;

class CalendarLinksTest {

    private final CalendarLinks links = new CalendarLinks("one secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void aTokenNamesTheUserWhoMadeIt() {
        assertThat(links.userOf(links.tokenFor("executive"))).contains("executive");
        assertThat(links.userOf(links.tokenFor("Zoë Ng, CFO"))).contains("Zoë Ng, CFO");
    }

    @Test
    void aTokenForAnotherUserOrSignedWithAnotherSecretOpensNothing() {
        String token = links.tokenFor("executive");
        String otherUser = links.tokenFor("planner").split("\\.")[0];
        assertThat(links.userOf(otherUser + token.substring(token.indexOf('.')))).isEmpty();
        CalendarLinks rotated = new CalendarLinks("another secret".getBytes(StandardCharsets.UTF_8));
        assertThat(rotated.userOf(token)).isEmpty();
    }

    @Test
    void malformedTokensOpenNothing() {
        assertThat(links.userOf(null)).isEmpty();
        assertThat(links.userOf("")).isEmpty();
        assertThat(links.userOf("no-dot")).isEmpty();
        assertThat(links.userOf(".only-a-signature")).isEmpty();
        assertThat(links.userOf("ZXhlY3V0aXZl.not*base64")).isEmpty();
        assertThat(links.userOf("ZXhlY3V0aXZl.")).isEmpty();
    }

    @Test
    void theSecretMadeOnFirstUseIsKeptSoThatLinksOutliveARestart() {
        EmbeddedMongoStore store = EmbeddedMongoStore.startInMemory(0);
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            MongoTemplate mongo = new MongoTemplate(client, "ttc");
            String token = CalendarLinks.of(null, mongo, () -> { }).tokenFor("executive");

            assertThat(CalendarLinks.of("", mongo, () -> { }).userOf(token)).contains("executive");
            assertThat(CalendarLinks.of("a configured secret", mongo, () -> { }).userOf(token)).isEmpty();
        } finally {
            store.destroy();
        }
    }
}
