package io.twofold.mfa.http.management;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ManagementRateLimitTest {
    final AtomicLong now = new AtomicLong(1_700_000_000_250L);
    final ManagementRateLimit limit = new ManagementRateLimit(3, now::get);

    @Test
    void allowsTheLimitPerSecondThenRefusesUntilTheNextSecond() {
        assertThat(limit.take("a").remaining()).isEqualTo(2);
        assertThat(limit.take("a").allowed()).isTrue();
        assertThat(limit.take("a").allowed()).isTrue();
        ManagementRateLimit.Verdict over = limit.take("a");

        assertThat(over.allowed()).isFalse();
        assertThat(over.remaining()).isZero();
        assertThat(over.resetEpochSecond()).isEqualTo(1_700_000_001L);

        now.addAndGet(1_000);
        assertThat(limit.take("a").allowed()).isTrue();
    }

    @Test
    void countsEachCallerOnItsOwn() {
        for (int i = 0; i < 3; i++) {
            limit.take("a");
        }

        assertThat(limit.take("a").allowed()).isFalse();
        assertThat(limit.take("b").allowed()).isTrue();
    }
}
