package io.timetocompute.api.feeds;

import java.util.List;

/** One page of the timeline, newest first; {@code total} counts every date change. */
record TimelinePage(int page, int size, long total, List<TimelineItem> items) {
}
