package io.twofold.mfa.model;

import java.time.Instant;

/**
 * A token bucket kept per key (for example failed second-factor codes of one user): {@code tokens}
 * left as of {@code refilledAt}, consecutive failures since the last success, and a version for
 * compare-and-set updates by the store.
 */
public record AttemptBucket(String key, int tokens, Instant refilledAt, int consecutiveFailures, long version) {
}
