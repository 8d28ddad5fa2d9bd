package io.twofold.mfa.http.management.users;

import io.micronaut.http.HttpRequest;
import io.twofold.mfa.http.management.ManagementError;
import io.twofold.mfa.model.UserQuery;
import io.twofold.mfa.model.UserSort;
import io.vavr.control.Either;

/**
 * The query of {@code GET /users} besides paging: {@code q} (v3 syntax; {@code search_engine} v2 is
 * read as v3, v1 is refused), {@code connection} (narrows the search) and {@code sort}.
 */
final class UserSearchParams {
    private UserSearchParams() {
    }

    static Either<ManagementError, UserQuery> query(HttpRequest<?> request) {
        String engine = request.getParameters().getFirst("search_engine").orElse("v3");
        if (!engine.equals("v3") && !engine.equals("v2")) {
            return Either.left(invalid("search_engine must be v3 (v2 is read as v3)"));
        }
        String connection = request.getParameters().getFirst("connection").orElse(null);
        return UserQueryParser.parse(request.getParameters().getFirst("q").orElse(null))
                .mapLeft(UserSearchParams::invalid)
                .map(query -> connection == null || connection.isEmpty() ? query
                        : query.and(UserQuery.is(UserQuery.Attribute.CONNECTION, connection)));
    }

    static Either<ManagementError, UserSort> sort(HttpRequest<?> request) {
        String raw = request.getParameters().getFirst("sort").orElse(null);
        if (raw == null || raw.isEmpty()) {
            return Either.right(UserSort.DEFAULT);
        }
        int colon = raw.lastIndexOf(':');
        String direction = colon < 0 ? "" : raw.substring(colon + 1);
        if (!direction.equals("1") && !direction.equals("-1")) {
            return Either.left(invalid("sort must be field:1 or field:-1"));
        }
        UserSort.Key key = switch (raw.substring(0, colon)) {
            case "user_id" -> UserSort.Key.USER_ID;
            case "email" -> UserSort.Key.EMAIL;
            case "username" -> UserSort.Key.USERNAME;
            case "name" -> UserSort.Key.NAME;
            case "nickname" -> UserSort.Key.NICKNAME;
            case "given_name" -> UserSort.Key.GIVEN_NAME;
            case "family_name" -> UserSort.Key.FAMILY_NAME;
            case "created_at" -> UserSort.Key.CREATED_AT;
            case "updated_at" -> UserSort.Key.UPDATED_AT;
            default -> null;
        };
        return key == null ? Either.left(invalid("users cannot be sorted by " + raw.substring(0, colon)))
                : Either.right(new UserSort(key, direction.equals("1")));
    }

    static ManagementError invalid(String reason) {
        return ManagementError.invalidQuery("Query validation error: " + reason + ".");
    }
}
