package io.twofold.mfa.http.management.factors;

import io.twofold.mfa.http.management.Timestamps;
import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.ManagedFactor;
import io.twofold.mfa.model.OobChannel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a user's factors as the Management API shows them (spec 4.1, 4.2, 4.10, 4.11). The factor's
 * id is {@code <type>|dev_X}; a phone's channels carry the MFA API's ids ({@code sms|dev_X}). Phone
 * numbers and email addresses are masked as Auth0 masks them unless the caller may see them.
 */
final class FactorJson {

    private FactorJson() {
    }

    /** How much of a factor to show: {@code confirmed} on reads only (Auth0's write answers lack it), and the PII. */
    record Shown(boolean confirmedField, boolean unmasked) {
        static final Shown WRITTEN = new Shown(false, true);

        static Shown read(boolean unmasked) {
            return new Shown(true, unmasked);
        }
    }

    static String typeName(FactorType type) {
        return switch (type) {
            case OTP -> "totp";
            case PHONE -> "phone";
            case EMAIL -> "email";
            case RECOVERY_CODE -> "recovery-code";
        };
    }

    static String id(ManagedFactor factor) {
        return typeName(factor.type()) + "|" + factor.device();
    }

    /** An {@code authentication-methods} object. */
    static Map<String, Object> method(ManagedFactor factor, Shown shown) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id(factor));
        json.put("type", typeName(factor.type()));
        if (shown.confirmedField()) {
            json.put("confirmed", factor.confirmed());
        }
        factor.name().forEach(name -> json.put("name", name));
        factor.address().forEach(address -> json.put(factor.type() == FactorType.EMAIL ? "email" : "phone_number",
                shown.unmasked() ? address : mask(factor.type(), address)));
        factor.preferredChannel().forEach(channel -> {
            json.put("preferred_authentication_method", channel.wireName());
            json.put("authentication_methods", factor.authenticators()
                    .map(id -> child(id.value(), id.kind().idPrefix())).toJavaList());
        });
        json.put("created_at", Timestamps.iso(factor.createdAt()));
        factor.confirmedAt().forEach(at -> json.put("enrolled_at", Timestamps.iso(at)));
        factor.lastUsedAt().forEach(at -> json.put("last_auth_at", Timestamps.iso(at)));
        return json;
    }

    private static Map<String, Object> child(String id, String type) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("type", type);
        return json;
    }

    static List<Map<String, Object>> methods(io.vavr.collection.List<ManagedFactor> factors, Shown shown) {
        return factors.map(f -> method(f, shown)).toJavaList();
    }

    /**
     * A legacy Guardian enrollment: {@code id} is the bare {@code dev_X}; {@code type} and
     * {@code auth_method} say {@code authenticator} for TOTP, the channel for a phone, {@code email}.
     */
    static Map<String, Object> enrollment(ManagedFactor factor, boolean unmasked) {
        Map<String, Object> json = new LinkedHashMap<>();
        String kind = factor.type() == FactorType.OTP ? "authenticator"
                : factor.preferredChannel().map(OobChannel::wireName).getOrElse("email");
        json.put("id", factor.device());
        json.put("status", factor.confirmed() ? "confirmed" : "pending");
        json.put("type", kind);
        json.put("name", factor.name().orElse(factor.address().map(a -> unmasked ? a : mask(factor.type(), a)))
                .getOrElse(kind));
        json.put("phone_number", factor.type() == FactorType.PHONE
                ? factor.address().map(a -> unmasked ? a : mask(factor.type(), a)).getOrNull()
                : null);
        json.put("auth_method", kind);
        json.put("enrolled_at", factor.confirmedAt().map(Timestamps::iso).getOrElse(() -> Timestamps.iso(factor.createdAt())));
        json.put("last_auth", factor.lastUsedAt().map(Timestamps::iso).getOrElse(""));
        return json;
    }

    static String mask(FactorType type, String address) {
        return type == FactorType.EMAIL ? maskEmail(address) : maskPhone(address);
    }

    /** Auth0's phone mask: an {@code X} for every character but the last four ({@code XXXXXXXXXXX5044}). */
    static String maskPhone(String e164) {
        return "X".repeat(Math.max(0, e164.length() - 4)) + e164.substring(Math.max(0, e164.length() - 4));
    }

    /**
     * Auth0's email mask ({@code chuc****@exam*******}): the local part's first four characters when it
     * is longer than four, then four stars; the domain's first characters (four at most, half at most),
     * the rest starred.
     */
    static String maskEmail(String email) {
        int at = email.lastIndexOf('@');
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        int keep = Math.min(4, domain.length() / 2);
        return (local.length() > 4 ? local.substring(0, 4) : "") + "****@"
                + domain.substring(0, keep) + "*".repeat(domain.length() - keep);
    }
}
