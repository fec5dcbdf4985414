package io.timetocompute.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Time-to-Compute service. */
@SpringBootApplication(scanBasePackages = "io.timetocompute")
public class TtcServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TtcServiceApplication.class, args);
    }
}
