package io.timetocompute.api.web;

/**
 * No schedule has been published for the current portfolio yet: right after start or an import, until the solver's
 * first schedule is through the coalescing window. Answered with a 503 problem; retrying a second later works.
 */
public class ScheduleNotPublishedException extends RuntimeException {

    public ScheduleNotPublishedException() {
        super("no schedule has been published yet for the current portfolio; retry in a second");
    }
}
