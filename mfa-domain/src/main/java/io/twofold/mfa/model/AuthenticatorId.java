package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An authenticator id as the wire shows it: {@code <kind>|dev_<16 alphanumerics>}.
 * Authenticators created together (an SMS and a voice factor on one phone) share the device part.
 */
public record AuthenticatorId(AuthenticatorKind kind, String device) {
    private static final Pattern DEVICE = Pattern.compile("dev_[A-Za-z0-9]{16}");

    public AuthenticatorId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(device, "device");
        if (!DEVICE.matcher(device).matches()) {
            throw new IllegalArgumentException("a device part is dev_ and 16 alphanumerics");
        }
    }

    /** Reads an id given by a client; none when it is not one of ours. */
    public static Option<AuthenticatorId> parse(String raw) {
        if (raw == null) {
            return Option.none();
        }
        int bar = raw.indexOf('|');
        if (bar < 0) {
            return Option.none();
        }
        String device = raw.substring(bar + 1);
        return AuthenticatorKind.byIdPrefix(raw.substring(0, bar))
                .filter(k -> DEVICE.matcher(device).matches())
                .map(k -> new AuthenticatorId(k, device));
    }

    public String value() {
        return kind.idPrefix() + "|" + device;
    }

    @Override
    public String toString() {
        return value();
    }
}
