package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.jdbc.cache.TtlCache;
import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * This node's user profiles, warmed by the directory's look-ups and by the login state's join.
 * <p>
 * The token issuance after a second factor then needs no read of {@code users}; the price is that
 * a change made through another node shows here only after the TTL.
 */
public final class ProfileCache {
    /** How long a node trusts a user profile it read. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
    private static final int MAX_CACHED_PROFILES = 10_000;

    private final TtlCache<UserId, User> profiles;

    /** @param ticker monotonic nanoseconds for the expiry ({@code System::nanoTime}) */
    public ProfileCache(Duration ttl, LongSupplier ticker) {
        this.profiles = new TtlCache<>(ttl, MAX_CACHED_PROFILES, ticker);
    }

    /** The cached profile while it is fresh, else what {@code load} reads (then cached). */
    Option<User> get(UserId id, Function<UserId, Option<User>> load) {
        return profiles.get(id, load);
    }

    /** A stamp to take before a query that reads profiles, for {@link #remember}. */
    public long stamp() {
        return profiles.stamp();
    }

    /**
     * Caches a profile that a query started after {@code stamp} read; dropped if a profile changed
     * meanwhile, since the row read may predate that change.
     */
    public void remember(User profile, long stamp) {
        profiles.put(profile.id(), profile, stamp);
    }

    /** Forgets one profile; a read running meanwhile will not store its possibly older row. */
    void invalidate(UserId id) {
        profiles.invalidate(id);
    }

    /** Forgets every profile, so the next look-ups read the table. */
    void clear() {
        profiles.clear();
    }
}
