package io.timetocompute.api.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per principal: {@code burst} requests at once, refilled at {@code perSecond}. One bucket a
 * principal (authenticated users, so their number is bounded by the identity provider's, not by a client).
 */
final class PrincipalRateLimiter {

    private final double perSecond;
    private final int burst;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    PrincipalRateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and burst: " + perSecond + "/s, "
                    + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /** @return zero when the request may go on, else how long until the principal may send the next one */
    Duration tryAcquire(String principal) {
        return buckets.computeIfAbsent(principal, key -> new Bucket(burst, nanoClock.getAsLong())).take();
    }

    String describe() {
        return (perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond))
                + " per second (bursts of " + burst + ")";
    }

    private final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized Duration take() {
            long now = nanoClock.getAsLong();
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9));
        }
    }
}
