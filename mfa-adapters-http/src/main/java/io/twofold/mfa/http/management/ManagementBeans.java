package io.twofold.mfa.http.management;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** The Management API's rate limit, from {@code twofold.management.rate-limit} (calls per second per caller). */
@Factory
class ManagementBeans {

    @Singleton
    ManagementRateLimit rateLimit(@Value("${twofold.management.rate-limit:" + ManagementRateLimit.DEFAULT_PER_SECOND + "}")
                                  int perSecond) {
        return new ManagementRateLimit(perSecond, System::currentTimeMillis);
    }
}
