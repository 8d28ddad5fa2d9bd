package io.twofold.mfa.http.management;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How many Management API calls one caller (one bearer token, or the callers without one) may make per
 * second on this node. A courtesy limit against runaway scripts, honestly reported in
 * {@code X-RateLimit-*} headers so that SDKs back off (spec 9); not a security rule, so it is per
 * node and in memory. Windows are whole seconds of the wall clock, as {@code X-RateLimit-Reset} is.
 */
public final class ManagementRateLimit {
    /** Calls per second per caller when the operator sets nothing. */
    public static final int DEFAULT_PER_SECOND = 100;
    private static final int MAX_TRACKED = 10_000;

    private final int perSecond;
    private final LongSupplier epochMillis;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public ManagementRateLimit(int perSecond, LongSupplier epochMillis) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("the Management API rate limit is at least 1 call per second");
        }
        this.perSecond = perSecond;
        this.epochMillis = epochMillis;
    }

    /** Takes one call from the caller's window; the verdict carries what the headers report. */
    public Verdict take(String bearer) {
        long second = epochMillis.getAsLong() / 1000;
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(window -> window.second < second);
        }
        Window window = windows.compute(key(bearer), (key, old) -> old == null || old.second != second
                ? new Window(second, 1)
                : new Window(second, old.used + 1));
        return new Verdict(window.used <= perSecond, perSecond, Math.max(0, perSecond - window.used), second + 1);
    }

    /** Keyed by a hash: the table never holds a token. */
    private static String key(String bearer) {
        if (bearer == null) {
            return "";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    bearer.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Window(long second, int used) {
    }

    /** Whether the call may go on, and the {@code X-RateLimit-Limit}, {@code -Remaining}, {@code -Reset} (epoch seconds). */
    public record Verdict(boolean allowed, int limit, int remaining, long resetEpochSecond) {
    }
}
