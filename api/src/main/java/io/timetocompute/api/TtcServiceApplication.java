package io.timetocompute.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Time-to-Compute service. Run without configuration, it brings its own Kafka broker and store
 * ({@link io.timetocompute.api.infrastructure.EmbeddedInfrastructure}, registered in META-INF/spring.factories so
 * that tests get it too).
 */
@SpringBootApplication(scanBasePackages = "io.timetocompute")
public class TtcServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TtcServiceApplication.class, args);
    }
}
