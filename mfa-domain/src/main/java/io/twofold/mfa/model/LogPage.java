package io.twofold.mfa.model;

import io.vavr.collection.List;

/** One page of log entries, and how many entries pass the search's filter in all. */
public record LogPage(List<LogEntry> entries, long total) {
}
