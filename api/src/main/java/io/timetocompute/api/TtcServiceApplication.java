package io.timetocompute.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import io.timetocompute.api.infrastructure.InfrastructureProcess;
import io.timetocompute.api.infrastructure.RunRole;

/**
 * The Time-to-Compute service. Run without configuration, it brings its own Kafka broker and store
 * ({@link io.timetocompute.api.infrastructure.EmbeddedInfrastructure}, registered in META-INF/spring.factories so
 * that tests get it too). {@code --ttc.role} chooses what this process runs ({@link RunRole}).
 */
@SpringBootApplication(scanBasePackages = "io.timetocompute")
public class TtcServiceApplication {

    public static void main(String[] args) throws InterruptedException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        if (RunRole.of(environment) == RunRole.INFRASTRUCTURE) {
            InfrastructureProcess.run(environment);
            return;
        }
        SpringApplication.run(TtcServiceApplication.class, args);
    }
}
