package io.twofold.mfa.model;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.util.regex.Pattern;

/**
 * How an operator names one of a user's factors: {@code totp|dev_X}, {@code phone|dev_X} (or its
 * channels' {@code sms|dev_X} and {@code voice|dev_X}), {@code email|dev_X}, {@code recovery-code|dev_X},
 * or the bare device part {@code dev_X} of a legacy Guardian enrollment id. The device part is what
 * identifies the factor; a prefix, when given, must agree with its type.
 */
public record FactorRef(Option<FactorType> type, String device) {
    private static final Pattern DEVICE = Pattern.compile("dev_[A-Za-z0-9]{16}");
    private static final Map<String, FactorType> PREFIXES = HashMap.of(
            "totp", FactorType.OTP,
            "phone", FactorType.PHONE,
            "sms", FactorType.PHONE,
            "voice", FactorType.PHONE,
            "email", FactorType.EMAIL,
            "recovery-code", FactorType.RECOVERY_CODE);

    /** Reads a reference given on the wire; none when it cannot name any factor. */
    public static Option<FactorRef> parse(String raw) {
        if (raw == null) {
            return Option.none();
        }
        int bar = raw.indexOf('|');
        String device = raw.substring(bar + 1);
        if (!DEVICE.matcher(device).matches()) {
            return Option.none();
        }
        return bar < 0
                ? Option.some(new FactorRef(Option.none(), device))
                : PREFIXES.get(raw.substring(0, bar)).map(type -> new FactorRef(Option.some(type), device));
    }

    /** Whether this names the factor that {@code id} belongs to. */
    public boolean names(AuthenticatorId id) {
        return id.device().equals(device) && type.forAll(t -> t == FactorType.of(id.kind()));
    }
}
