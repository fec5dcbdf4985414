package io.timetocompute.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import io.timetocompute.api.infrastructure.EmbeddedInfrastructure;

/** The Time-to-Compute service. Run without configuration, it brings its own Kafka broker. */
@SpringBootApplication(scanBasePackages = "io.timetocompute")
public class TtcServiceApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(TtcServiceApplication.class);
        application.addListeners(new EmbeddedInfrastructure());
        application.run(args);
    }
}
