package io.timetocompute.api.demo;

import io.cloudevents.CloudEvent;

/** A generated event and where it goes: the topic, and the key that keeps one entity's events in order. */
record DemoEvent(String topic, String key, CloudEvent event) {
}
