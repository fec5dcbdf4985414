package io.timetocompute.api.demo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo event generator, which plays supplier and field systems so that a fresh service has dates that move.
 *
 * @param eventsEnabled on in the run command, off in production and in tests unless a test turns it on
 * @param eventsInterval how often it sends an event
 * @param eventsSeed the same seed sends the same sequence of events onto the same portfolio
 */
@ConfigurationProperties("ttc.demo")
record DemoEventProperties(boolean eventsEnabled, Duration eventsInterval, Long eventsSeed) {

    DemoEventProperties {
        eventsInterval = eventsInterval == null ? Duration.ofSeconds(5) : eventsInterval;
        eventsSeed = eventsSeed == null ? 7L : eventsSeed;
    }
}
