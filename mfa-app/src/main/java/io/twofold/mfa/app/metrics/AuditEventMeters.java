package io.twofold.mfa.app.metrics;

import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.port.out.AuditLog;
import io.vavr.control.Option;

/**
 * Counts second-factor verifications, lockouts and enrollments from the audit events the domain
 * records for them, after the log has kept each one. The events carry the authenticator's id, whose
 * prefix is its kind: the factor label is that kind, never the id. An event recorded in a unit of
 * work that later rolls back (a database failure) has been counted all the same.
 */
final class AuditEventMeters implements AuditLog {
    private final AuditLog log;
    private final TwofoldMeters meters;

    AuditEventMeters(AuditLog log, TwofoldMeters meters) {
        this.log = log;
        this.meters = meters;
    }

    @Override
    public void record(AuditEvent event) {
        log.record(event);
        count(meters, event);
    }

    /** Moves the meter the event stands for, if any: also for the events a store writes itself ({@link CompletionMeters}). */
    static void count(TwofoldMeters meters, AuditEvent event) {
        switch (event.type()) {
            case "mfa.verified" -> meters.verification(factor(event), "success");
            case "mfa.failure" -> meters.verification(factor(event), "failure");
            case "mfa.lockout" -> meters.lockout(factor(event));
            case "enrollment.started" -> {
                meters.enrollment(factor(event), "started");
                // The recovery code that comes with a first factor is enrolled beside it, and confirmed with it.
                if (event.details().get("recovery_code").exists(id -> !id.equals("none"))) {
                    meters.enrollment(label(AuthenticatorKind.RECOVERY_CODE), "started");
                }
            }
            case "authenticator.confirmed" -> meters.enrollment(factor(event), "confirmed");
            default -> {
                // Other events are counted elsewhere (grants, requests) or not at all.
            }
        }
    }

    /** The kind of the event's authenticator, else of its {@code factor} detail ({@code otp}, {@code oob}, {@code recovery-code}). */
    static String factor(AuditEvent event) {
        return event.details().get("authenticator").flatMap(AuthenticatorId::parse).map(AuthenticatorId::kind)
                .map(AuditEventMeters::label)
                .orElse(() -> event.details().get("factor").map(AuditEventMeters::factorDetail))
                .getOrElse("unknown");
    }

    static String label(AuthenticatorKind kind) {
        return switch (kind) {
            case TOTP -> "otp";
            case SMS -> "sms";
            case VOICE -> "voice";
            case EMAIL -> "email";
            case RECOVERY_CODE -> "recovery_code";
        };
    }

    private static String factorDetail(String factor) {
        return Option.of(factor).filter(f -> f.equals("otp") || f.equals("oob")).getOrElse(
                () -> factor.equals(AuthenticatorKind.RECOVERY_CODE.idPrefix()) ? "recovery_code" : "unknown");
    }
}
