package io.twofold.mfa.app.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofold.mfa.model.RefreshTokenPolicy;
import io.twofold.mfa.model.RefreshTokenPolicy.Rotation;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.Set;

/**
 * A client entry's {@code refresh_token} object, as Auth0 exports it: {@code rotation_type},
 * {@code expiration_type}, {@code token_lifetime}, {@code idle_token_lifetime},
 * {@code infinite_token_lifetime}, {@code infinite_idle_token_lifetime} and {@code leeway} (accepted,
 * not applied: Twofold has no rotation overlap period). Without it, {@link RefreshTokenPolicy#DEFAULT}.
 */
final class RefreshTokenEntry {
    private static final Set<String> MEMBERS = Set.of("rotation_type", "expiration_type", "leeway", "token_lifetime",
            "idle_token_lifetime", "infinite_token_lifetime", "infinite_idle_token_lifetime");
    /** Auth0's upper bound for both lifetimes: one year. */
    private static final long MAX_SECONDS = 31_557_600;

    private RefreshTokenEntry() {
    }

    static RefreshTokenPolicy read(Option<JsonNode> node, String where) {
        if (node.isEmpty()) {
            return RefreshTokenPolicy.DEFAULT;
        }
        Members.of(node.get(), where, MEMBERS);
        JsonNode entry = node.get();
        Rotation rotation = text(entry, where, "rotation_type").map(name -> Rotation.byWireName(name)
                        .getOrElseThrow(() -> Members.fail(where + ".rotation_type must be rotating or non-rotating")))
                .getOrElse(Rotation.ROTATING);
        boolean nonExpiring = text(entry, where, "expiration_type").map(type -> switch (type) {
            case "expiring" -> false;
            case "non-expiring" -> true;
            default -> throw Members.fail(where + ".expiration_type must be expiring or non-expiring");
        }).getOrElse(false);
        Option<Duration> lifetime = nonExpiring || bool(entry, where, "infinite_token_lifetime")
                ? Option.none()
                : Option.some(seconds(entry, where, "token_lifetime").getOrElse(RefreshTokenPolicy.DEFAULT.lifetime().get()));
        Option<Duration> idle = nonExpiring || bool(entry, where, "infinite_idle_token_lifetime")
                ? Option.none()
                : Option.some(seconds(entry, where, "idle_token_lifetime")
                        .getOrElse(RefreshTokenPolicy.DEFAULT.idleLifetime().get()));
        if (entry.has("leeway") && !entry.get("leeway").isIntegralNumber()) {
            throw Members.fail(where + ".leeway must be a whole number of seconds");
        }
        return new RefreshTokenPolicy(rotation, lifetime, idle);
    }

    private static Option<String> text(JsonNode entry, String where, String name) {
        JsonNode value = entry.get(name);
        if (value == null || value.isNull()) {
            return Option.none();
        }
        if (!value.isTextual()) {
            throw Members.fail(where + "." + name + " must be a string");
        }
        return Option.some(value.textValue());
    }

    private static boolean bool(JsonNode entry, String where, String name) {
        JsonNode value = entry.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw Members.fail(where + "." + name + " must be true or false");
        }
        return value.booleanValue();
    }

    private static Option<Duration> seconds(JsonNode entry, String where, String name) {
        JsonNode value = entry.get(name);
        if (value == null || value.isNull()) {
            return Option.none();
        }
        if (!value.isIntegralNumber() || value.longValue() < 1 || value.longValue() > MAX_SECONDS) {
            throw Members.fail(where + "." + name + " must be a whole number of seconds from 1 to " + MAX_SECONDS);
        }
        return Option.some(Duration.ofSeconds(value.longValue()));
    }
}
