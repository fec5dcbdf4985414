package io.timetocompute.scheduler.cli;

import java.time.Duration;

/** The {@code --seconds} option of the solving commands. */
final class TimeLimits {

    private TimeLimits() {
    }

    static Duration ofSeconds(double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("--seconds must be positive, got " + seconds);
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
