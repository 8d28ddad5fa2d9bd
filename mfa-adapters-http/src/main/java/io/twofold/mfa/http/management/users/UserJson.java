package io.twofold.mfa.http.management.users;

import io.twofold.mfa.http.management.Timestamps;
import io.twofold.mfa.model.UserProfile;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user as Auth0's user object (spec 3.1): fields left out when unset, {@code name} and
 * {@code nickname} defaulting to the email, timestamps with milliseconds, one database identity.
 */
final class UserJson {
    private UserJson() {
    }

    /** Which fields to answer with: all, or those named in {@code fields} (kept, or left out with {@code include_fields=false}). */
    record Selection(Option<Set<String>> fields, boolean include) {
        static final Selection ALL = new Selection(Option.none(), true);

        static Selection of(String fields, boolean include) {
            return fields == null || fields.isBlank() ? ALL
                    : new Selection(Option.some(HashSet.of(fields.split(",")).map(String::strip)), include);
        }

        Map<String, Object> apply(Map<String, Object> user) {
            if (fields.isEmpty()) {
                return user;
            }
            Map<String, Object> kept = new LinkedHashMap<>();
            user.forEach((key, value) -> {
                if (fields.get().contains(key) == include) {
                    kept.put(key, value);
                }
            });
            return kept;
        }
    }

    static Map<String, Object> of(UserProfile u) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user_id", u.id().value());
        u.email().forEach(email -> {
            json.put("email", email.value());
            json.put("email_verified", u.emailVerified());
        });
        u.username().forEach(username -> json.put("username", username));
        u.phoneNumber().forEach(phone -> {
            json.put("phone_number", phone);
            json.put("phone_verified", u.phoneVerified());
        });
        json.put("created_at", Timestamps.iso(u.createdAt()));
        json.put("updated_at", Timestamps.iso(u.updatedAt()));
        json.put("identities", List.of(identity(u)));
        if (!u.appMetadata().isEmpty()) {
            json.put("app_metadata", u.appMetadata().values());
        }
        if (!u.userMetadata().isEmpty()) {
            json.put("user_metadata", u.userMetadata().values());
        }
        u.picture().forEach(picture -> json.put("picture", picture));
        json.put("name", u.displayName());
        json.put("nickname", u.displayNickname());
        u.names().givenName().forEach(given -> json.put("given_name", given));
        u.names().familyName().forEach(family -> json.put("family_name", family));
        u.lastPasswordReset().forEach(at -> json.put("last_password_reset", Timestamps.iso(at)));
        if (u.blocked()) {
            json.put("blocked", true);
        }
        return json;
    }

    /** The one identity of a database user: provider {@code auth0}, the id after the {@code |}. */
    private static Map<String, Object> identity(UserProfile u) {
        String id = u.id().value();
        int bar = id.indexOf('|');
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("connection", u.connection());
        identity.put("user_id", bar < 0 ? id : id.substring(bar + 1));
        identity.put("provider", bar < 0 ? "auth0" : id.substring(0, bar));
        identity.put("isSocial", false);
        return identity;
    }
}
