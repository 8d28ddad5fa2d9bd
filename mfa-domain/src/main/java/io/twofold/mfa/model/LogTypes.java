package io.twofold.mfa.model;

import io.vavr.Tuple;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.util.function.Function;

/**
 * The table from Twofold's audit event types to Auth0's log type codes (Management API spec 8.3),
 * and each code's description. Some events need a detail to decide: the factor of a success or a
 * failure, the channel of a sent code, the grant of a refusal, the outcome of a management call.
 * Every {@code mgmt.<resource>.<verb>} event is {@code sapi} ({@code fapi} with outcome
 * {@code failure}), so a new management write needs no entry here.
 */
public final class LogTypes {
    public static final String MANAGEMENT_PREFIX = "mgmt.";
    /** Twofold's own code for a housekeeping run: Auth0 has none, and SDKs read the type as any string. */
    public static final String PURGE = "twofold_purge";

    private static final Map<String, Function<AuditEvent, String>> BY_EVENT_TYPE = LinkedHashMap.ofEntries(
            Tuple.of("login.success", e -> "sepft"),
            // Unknown user and wrong password are one outcome (DESIGN invariant 8), logged as fp.
            Tuple.of("login.failure", e -> "fp"),
            Tuple.of("login.refused", e -> "f"),
            Tuple.of("login.blocked", e -> "limit_wc"),
            Tuple.of("login.mfa_required", e -> "mfar"),
            Tuple.of("mfa.challenge", LogTypes::challenge),
            Tuple.of("mfa.failure", e -> isRecovery(detail(e, "factor")) ? "gd_recovery_failed" : "gd_auth_failed"),
            Tuple.of("mfa.lockout", e -> isRecovery(detail(e, "factor"))
                    ? "gd_recovery_rate_limit_exceed" : "gd_otp_rate_limit_exceed"),
            Tuple.of("mfa.refused", LogTypes::refusedGrant),
            Tuple.of("mfa.verified", e -> kind(e).contains(AuthenticatorKind.RECOVERY_CODE)
                    ? "gd_recovery_succeed" : "gd_auth_succeed"),
            Tuple.of("mfa.success", LogTypes::completedGrant),
            Tuple.of("enrollment.started", e -> "gd_start_enroll"),
            Tuple.of("enrollment.delivery_failed", e -> "gd_send_" + channel(e) + "_failure"),
            Tuple.of("authenticator.confirmed", e -> "gd_enrollment_complete"),
            Tuple.of("authenticator.deleted", e -> "gd_unenroll"),
            Tuple.of("housekeeping.purged", e -> PURGE),
            Tuple.of("token.client_credentials.success", e -> "seccft"),
            Tuple.of("token.client_credentials.failure", e -> "feccft"),
            Tuple.of("token.refresh", e -> "sertft"),
            Tuple.of("token.refresh_failed", e -> "fertft"),
            Tuple.of("token.refresh_reuse", e -> "ferrt"),
            Tuple.of("token.revoked", e -> "srrt"));

    private static final Map<String, String> DESCRIPTIONS = HashMap.ofEntries(
            Tuple.of("s", "Success Login"),
            Tuple.of("f", "Failed Login"),
            Tuple.of("fp", "Wrong email or password"),
            Tuple.of("fu", "Invalid email or username"),
            Tuple.of("sepft", "Successful exchange of password for Access Token"),
            Tuple.of("fepft", "Failed exchange of password for Access Token"),
            Tuple.of("seotpft", "Successful exchange of Password and OTP Challenge for Access Token"),
            Tuple.of("feotpft", "Failed exchange of Password and OTP Challenge for Access Token"),
            Tuple.of("seoobft", "Successful exchange of Password and OOB Challenge for Access Token"),
            Tuple.of("feoobft", "Failed exchange of Password and OOB Challenge for Access Token"),
            Tuple.of("sercft", "Successful exchange of Password and MFA Recovery code for Access Token"),
            Tuple.of("fercft", "Failed exchange of Password and MFA Recovery code for Access Token"),
            Tuple.of("seccft", "Successful exchange of Access Token for a Client Credentials Grant"),
            Tuple.of("feccft", "Failed exchange of Access Token for a Client Credentials Grant"),
            Tuple.of("sertft", "Successful exchange of Refresh Token for Access Token"),
            Tuple.of("fertft", "Failed exchange of Refresh Token for Access Token"),
            Tuple.of("ferrt", "Failed exchange of Rotating Refresh Token"),
            Tuple.of("srrt", "Successfully revoked a Refresh Token"),
            Tuple.of("mfar", "Multi-factor authentication required"),
            Tuple.of("limit_wc", "Blocked Account"),
            Tuple.of("gd_start_auth", "Second factor authentication started"),
            Tuple.of("gd_auth_succeed", "Multi-factor authentication success"),
            Tuple.of("gd_auth_failed", "Multi-factor authentication failed"),
            Tuple.of("gd_otp_rate_limit_exceed", "Too many failures"),
            Tuple.of("gd_recovery_succeed", "Multi-factor recovery code has been used"),
            Tuple.of("gd_recovery_failed", "Multi-factor recovery code failed"),
            Tuple.of("gd_recovery_rate_limit_exceed", "Too many recovery code failures"),
            Tuple.of("gd_start_enroll", "Multi-factor enrollment started"),
            Tuple.of("gd_enrollment_complete", "Guardian enrollment complete"),
            Tuple.of("gd_unenroll", "Multi-factor device unenrolled"),
            Tuple.of("gd_send_sms", "SMS sent"),
            Tuple.of("gd_send_sms_failure", "SMS send failed"),
            Tuple.of("gd_send_voice", "Voice call made"),
            Tuple.of("gd_send_voice_failure", "Voice call failed"),
            Tuple.of("gd_send_email", "Email sent"),
            Tuple.of("gd_send_email_failure", "Email send failed"),
            Tuple.of("fapi", "Failed Management API operation"),
            Tuple.of(PURGE, "Expired MFA state purged"));

    private static final Map<String, String> IMPERATIVES = HashMap.ofEntries(
            Tuple.of("created", "Create"), Tuple.of("updated", "Update"), Tuple.of("deleted", "Delete"),
            Tuple.of("blocked", "Block"), Tuple.of("unblocked", "Unblock"), Tuple.of("rotated", "Rotate"),
            Tuple.of("imported", "Import"), Tuple.of("regenerated", "Regenerate"), Tuple.of("added", "Add"),
            Tuple.of("removed", "Remove"), Tuple.of("replaced", "Replace"), Tuple.of("invalidated", "Invalidate"),
            Tuple.of("granted", "Grant"), Tuple.of("revoked", "Revoke"), Tuple.of("reset", "Reset"),
            Tuple.of("enabled", "Enable"), Tuple.of("disabled", "Disable"), Tuple.of("changed", "Change"),
            Tuple.of("ended", "End"), Tuple.of("set", "Set"), Tuple.of("linked", "Link"), Tuple.of("unlinked", "Unlink"),
            Tuple.of("assigned", "Assign"), Tuple.of("confirmed", "Confirm"), Tuple.of("sent", "Send"));

    private static final String OPERATOR_UNENROLL = "mgmt.authentication_method.deleted";

    private LogTypes() {
    }

    /** Auth0's code for the event; none for a type this table does not know. */
    public static Option<String> of(AuditEvent event) {
        if (event.type().equals(OPERATOR_UNENROLL)) {
            // A factor an operator removed is unenrolled as much as one its user removed: Auth0's gd_unenroll,
            // with the operator as the event's client.
            return Option.of("gd_unenroll");
        }
        if (event.type().startsWith(MANAGEMENT_PREFIX)) {
            return Option.of(failed(event) ? "fapi" : "sapi");
        }
        return BY_EVENT_TYPE.get(event.type()).map(rule -> rule.apply(event));
    }

    /** The code, or the internal type itself for an event recorded before this table knew it. */
    public static String codeOrType(AuditEvent event) {
        return of(event).getOrElse(event.type());
    }

    /** Whether events of this internal type get a code. */
    public static boolean knows(String eventType) {
        return eventType.startsWith(MANAGEMENT_PREFIX) || BY_EVENT_TYPE.containsKey(eventType);
    }

    /** The internal types with an entry of their own (the {@code mgmt.} ones are one rule). */
    public static List<String> eventTypes() {
        return BY_EVENT_TYPE.keySet().toList();
    }

    /** The human text of an entry: for a successful management call, what it did ("Create a User"). */
    public static String description(String code, AuditEvent event) {
        if (code.equals("sapi") && event.type().startsWith(MANAGEMENT_PREFIX)) {
            return managementDescription(event.type().substring(MANAGEMENT_PREFIX.length()));
        }
        return DESCRIPTIONS.get(code).getOrElse(code);
    }

    private static String managementDescription(String resourceAndVerb) {
        int dot = resourceAndVerb.lastIndexOf('.');
        if (dot < 0) {
            return "Management API operation";
        }
        String resource = words(resourceAndVerb.substring(0, dot).replace('.', '_'), true);
        List<String> verb = List.of(resourceAndVerb.substring(dot + 1).split("_"));
        String imperative = IMPERATIVES.get(verb.last()).getOrElse(() -> capitalize(verb.last()));
        String article = "aeioAEIO".indexOf(resource.charAt(0)) >= 0 ? "an " : "a ";
        String object = verb.size() > 1 ? String.join(" ", verb.init()) + " of " : "";
        return imperative + " " + object + article + resource;
    }

    private static String words(String snake, boolean capitalized) {
        return List.of(snake.split("_")).filter(w -> !w.isEmpty())
                .map(w -> capitalized ? capitalize(w) : w).mkString(" ");
    }

    private static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String challenge(AuditEvent event) {
        String outcome = detail(event, "outcome");
        if (outcome.equals("otp")) {
            return "gd_start_auth";
        }
        return "gd_send_" + channel(event) + (outcome.equals("sent") ? "" : "_failure");
    }

    private static String refusedGrant(AuditEvent event) {
        return GrantType.byWireName(detail(event, "grant")).map(grant -> switch (grant) {
            case MFA_OOB -> "feoobft";
            case MFA_RECOVERY_CODE -> "fercft";
            case MFA_OTP -> "feotpft";
            case PASSWORD, PASSWORD_REALM -> "fepft";
            case CLIENT_CREDENTIALS -> "feccft";
            case REFRESH_TOKEN -> "fertft";
        }).getOrElse("f");
    }

    private static String completedGrant(AuditEvent event) {
        return kind(event).map(kind -> switch (kind) {
            case TOTP -> "seotpft";
            case RECOVERY_CODE -> "sercft";
            case SMS, VOICE, EMAIL -> "seoobft";
        }).getOrElse("s");
    }

    private static String channel(AuditEvent event) {
        return kind(event).flatMap(AuthenticatorKind::oobChannel)
                .map(OobChannel::wireName).getOrElse("sms");
    }

    private static Option<AuthenticatorKind> kind(AuditEvent event) {
        return event.details().get("authenticator").flatMap(AuthenticatorId::parse).map(AuthenticatorId::kind);
    }

    private static boolean isRecovery(String factor) {
        return factor.equals(AuthenticatorKind.RECOVERY_CODE.idPrefix());
    }

    private static boolean failed(AuditEvent event) {
        return event.details().get("outcome").exists(o -> o.equals("failure") || o.equals("failed"));
    }

    private static String detail(AuditEvent event, String key) {
        return event.details().get(key).getOrElse("");
    }
}
