package io.twofold.mfa.http.management.logs;

import io.twofold.mfa.http.management.Timestamps;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.LogEntry;
import io.twofold.mfa.model.LogTypes;
import io.twofold.mfa.model.UserId;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A log entry as Auth0's log event (Management API spec 8.2). The details are the event's ids and
 * outcomes (never a code or secret: nothing else is recorded); an authenticator id becomes
 * {@code details.authenticator.id} as Guardian's events carry it. {@code fields} keeps or drops keys.
 */
final class LogEventJson {
    private LogEventJson() {
    }

    static Map<String, Object> of(LogEntry entry, Option<Set<String>> fields, boolean includeFields) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("_id", entry.id().value());
        json.put("log_id", entry.id().value());
        json.put("date", Timestamps.iso(entry.event().at()));
        json.put("type", entry.type());
        json.put("description", LogTypes.description(entry.type(), entry.event()));
        json.put("client_id", entry.event().client().map(ClientId::value).getOrNull());
        json.put("client_name", null);
        json.put("ip", null);
        json.put("user_id", entry.event().user().map(UserId::value).getOrNull());
        json.put("user_name", null);
        json.put("details", details(entry));
        json.put("hostname", null);
        json.put("user_agent", null);
        json.put("isMobile", false);
        if (fields.isEmpty()) {
            return json;
        }
        json.keySet().removeIf(key -> fields.get().contains(key) != includeFields);
        return json;
    }

    private static Map<String, Object> details(LogEntry entry) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("twofold_event", entry.event().type());
        entry.event().details().forEach((key, value) -> {
            Option<AuthenticatorId> authenticator = key.equals("authenticator") ? AuthenticatorId.parse(value) : Option.none();
            details.put(key, authenticator.isDefined() ? authenticator(authenticator.get()) : value);
        });
        return details;
    }

    private static Map<String, Object> authenticator(AuthenticatorId id) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id.value());
        json.put("type", id.kind() == AuthenticatorKind.TOTP ? "otp" : id.kind().idPrefix());
        return json;
    }
}
