package io.twofold.mfa.memory;

import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.Metadata;
import io.twofold.mfa.model.UserProfile;
import io.twofold.mfa.model.UserQuery;
import io.twofold.mfa.model.UserQuery.Field;
import io.twofold.mfa.model.UserSort;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.Locale;

/** What a {@link UserQuery} means, for the in-memory store; the JDBC store says the same in SQL. */
final class UserMatcher {
    private UserMatcher() {
    }

    static boolean matches(UserQuery query, UserProfile p) {
        if (query instanceof UserQuery.All) {
            return true;
        }
        if (query instanceof UserQuery.And and) {
            return and.operands().forAll(q -> matches(q, p));
        }
        if (query instanceof UserQuery.Or or) {
            return or.operands().exists(q -> matches(q, p));
        }
        if (query instanceof UserQuery.Not not) {
            return !matches(not.operand(), p);
        }
        UserQuery.Term term = (UserQuery.Term) query;
        boolean caseless = term.field() instanceof Field.Profile profile && profile.attribute().caseless();
        String wanted = caseless ? term.value().toLowerCase(Locale.ROOT) : term.value();
        return values(term.field(), p).exists(value -> {
            String actual = caseless ? value.toLowerCase(Locale.ROOT) : value;
            return term.prefix() ? actual.startsWith(wanted) : actual.equals(wanted);
        });
    }

    /** The strings a term on this field compares with: none when the user has no such value. */
    private static List<String> values(Field field, UserProfile p) {
        if (field instanceof Field.MetadataKey key) {
            Metadata bag = key.app() ? p.appMetadata() : p.userMetadata();
            Object value = bag.values().get(key.key());
            return value instanceof java.util.List<?> list ? List.ofAll(list).flatMap(UserMatcher::scalar) : scalar(value);
        }
        return profileValue(((Field.Profile) field).attribute(), p).toList();
    }

    private static List<String> scalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                ? List.of(value.toString()) : List.empty();
    }

    private static Option<String> profileValue(UserQuery.Attribute attribute, UserProfile p) {
        return switch (attribute) {
            case USER_ID -> Option.some(p.id().value());
            case EMAIL -> p.email().map(EmailAddress::value);
            case USERNAME -> p.username();
            case NAME -> p.names().name();
            case GIVEN_NAME -> p.names().givenName();
            case FAMILY_NAME -> p.names().familyName();
            case NICKNAME -> p.names().nickname();
            case BLOCKED -> Option.some(String.valueOf(p.blocked()));
            case EMAIL_VERIFIED -> Option.some(String.valueOf(p.emailVerified()));
            case CONNECTION -> Option.some(p.connection());
        };
    }

    /** An instant as text that sorts in time order (ISO text does not: fractions of a second vary in length). */
    private static String instant(java.time.Instant at) {
        return String.format("%020d%09d", at.getEpochSecond() + 1_000_000_000_000L, at.getNano());
    }

    static String sortValue(UserSort.Key key, UserProfile p) {
        return switch (key) {
            case USER_ID -> p.id().value();
            case EMAIL -> p.email().map(e -> e.value().toLowerCase(Locale.ROOT)).getOrNull();
            case USERNAME -> p.username().map(u -> u.toLowerCase(Locale.ROOT)).getOrNull();
            case NAME -> p.names().name().getOrNull();
            case NICKNAME -> p.names().nickname().getOrNull();
            case GIVEN_NAME -> p.names().givenName().getOrNull();
            case FAMILY_NAME -> p.names().familyName().getOrNull();
            case CREATED_AT -> instant(p.createdAt());
            case UPDATED_AT -> instant(p.updatedAt());
        };
    }
}
