package io.timetocompute.api.eventlog;

import java.util.List;

/** One page of the event log, newest first; {@code total} counts every event that matches the filter. */
record EventLogPage(int page, int size, long total, List<LoggedEvent> items) {
}
