package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.model.UserQuery;
import io.twofold.mfa.model.UserQuery.Attribute;
import io.twofold.mfa.model.UserQuery.Field;
import io.twofold.mfa.model.UserSort;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a {@link UserQuery} into a WHERE clause over {@code users u}, every value a bound parameter
 * (never spliced into the SQL). A term on a field the user lacks is false, never NULL, so NOT works
 * as in the domain's reading (a missing field does not match; its negation does).
 */
final class UserQuerySql {
    private final StringBuilder sql = new StringBuilder();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** The WHERE clause (without the keyword) and its parameters. */
    record Where(String sql, Map<String, Object> parameters) {
    }

    static Where where(UserQuery query) {
        UserQuerySql builder = new UserQuerySql();
        builder.append(query);
        return new Where(builder.sql.toString(), builder.parameters);
    }

    static String orderBy(UserSort sort) {
        String column = switch (sort.key()) {
            case USER_ID -> "u.id";
            case EMAIL -> "u.email_key";
            case USERNAME -> "u.login_key";
            case NAME -> "u.name";
            case NICKNAME -> "u.nickname";
            case GIVEN_NAME -> "u.given_name";
            case FAMILY_NAME -> "u.family_name";
            case CREATED_AT -> "u.created_at";
            case UPDATED_AT -> "u.updated_at";
        };
        // Explicit NULL placement: H2 and PostgreSQL disagree on the default. The id breaks ties.
        return sort.ascending()
                ? "CASE WHEN " + column + " IS NULL THEN 1 ELSE 0 END, " + column + " ASC, u.id ASC"
                : "CASE WHEN " + column + " IS NULL THEN 0 ELSE 1 END, " + column + " DESC, u.id ASC";
    }

    private void append(UserQuery query) {
        if (query instanceof UserQuery.All) {
            sql.append("1 = 1");
        } else if (query instanceof UserQuery.And and) {
            join(and.operands(), " AND ");
        } else if (query instanceof UserQuery.Or or) {
            join(or.operands(), " OR ");
        } else if (query instanceof UserQuery.Not not) {
            sql.append("NOT (");
            append(not.operand());
            sql.append(')');
        } else {
            term((UserQuery.Term) query);
        }
    }

    private void join(io.vavr.collection.List<UserQuery> operands, String operator) {
        if (operands.isEmpty()) {
            sql.append(operator.trim().equals("AND") ? "1 = 1" : "1 = 0");
            return;
        }
        sql.append('(');
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                sql.append(operator);
            }
            append(operands.get(i));
        }
        sql.append(')');
    }

    private void term(UserQuery.Term term) {
        if (term.field() instanceof Field.MetadataKey key) {
            String bag = bind(key.app() ? "app" : "user");
            String name = bind(key.key());
            sql.append("EXISTS (SELECT 1 FROM user_metadata_values m WHERE m.user_id = u.id AND m.bag = ").append(bag)
                    .append(" AND m.meta_key = ").append(name).append(" AND ");
            compare("m.meta_value", term.value(), term.prefix());
            sql.append(')');
            return;
        }
        Attribute attribute = ((Field.Profile) term.field()).attribute();
        switch (attribute) {
            case BLOCKED -> flag("u.blocked", term);
            case EMAIL_VERIFIED -> flag("u.email_verified", term);
            default -> {
                String column = column(attribute);
                String value = attribute.caseless() ? term.value().toLowerCase(Locale.ROOT) : term.value();
                sql.append('(').append(column).append(" IS NOT NULL AND ");
                compare(column, value, term.prefix());
                sql.append(')');
            }
        }
    }

    /** The column a term compares with; the caseless ones in lower case (login_key and email_key already are). */
    private static String column(Attribute attribute) {
        return switch (attribute) {
            case USER_ID -> "u.id";
            case EMAIL -> "u.email_key";
            case USERNAME -> "u.login_key";
            case NAME -> "LOWER(u.name)";
            case GIVEN_NAME -> "LOWER(u.given_name)";
            case FAMILY_NAME -> "LOWER(u.family_name)";
            case NICKNAME -> "LOWER(u.nickname)";
            case CONNECTION -> "u.realm";
            case BLOCKED, EMAIL_VERIFIED -> throw new IllegalArgumentException("a flag has no text column");
        };
    }

    /** A flag matches the words {@code true} or {@code false} (or their prefixes, with a wildcard). */
    private void flag(String column, UserQuery.Term term) {
        boolean matchesTrue = matches("true", term);
        boolean matchesFalse = matches("false", term);
        if (matchesTrue && matchesFalse) {
            sql.append("1 = 1");
        } else if (matchesTrue || matchesFalse) {
            sql.append(column).append(" = ").append(bind(matchesTrue));
        } else {
            sql.append("1 = 0");
        }
    }

    private static boolean matches(String word, UserQuery.Term term) {
        return term.prefix() ? word.startsWith(term.value()) : word.equals(term.value());
    }

    private void compare(String column, String value, boolean prefix) {
        if (prefix) {
            // The value's own % and _ are literal: escaped, with the escape character said explicitly.
            sql.append(column).append(" LIKE ").append(bind(escapeLike(value) + "%")).append(" ESCAPE '\\'");
        } else {
            sql.append(column).append(" = ").append(bind(value));
        }
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private String bind(Object value) {
        String name = "q" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }
}
