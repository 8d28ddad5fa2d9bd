package io.twofold.mfa.model;

import io.vavr.collection.List;

import java.util.Objects;

/**
 * A search over users (the v3 subset of Auth0's query syntax), as a small tree a store turns into a
 * query of its own: a term matches one field, exactly or by prefix; terms combine with and, or, not.
 */
public sealed interface UserQuery {

    /** Every user. */
    UserQuery ALL = new All();

    /** The searchable fields of a profile; those marked {@code caseless} match regardless of letter case (Auth0's normalized fields). */
    enum Attribute {
        USER_ID(false), EMAIL(true), USERNAME(true), NAME(true), GIVEN_NAME(true), FAMILY_NAME(true),
        NICKNAME(true), BLOCKED(false), EMAIL_VERIFIED(false), CONNECTION(false);

        private final boolean caseless;

        Attribute(boolean caseless) {
            this.caseless = caseless;
        }

        public boolean caseless() {
            return caseless;
        }
    }

    /** What a term looks at: a profile attribute, or one top-level key of the user's or the app's metadata. */
    sealed interface Field {
        record Profile(Attribute attribute) implements Field {
        }

        /** {@code app} for {@code app_metadata}, else {@code user_metadata}; a string, number or boolean value, or one element of an array. */
        record MetadataKey(boolean app, String key) implements Field {
            public MetadataKey {
                Objects.requireNonNull(key, "key");
            }
        }
    }

    record All() implements UserQuery {
    }

    /** {@code field:value}, or {@code field:value*} when {@code prefix}. */
    record Term(Field field, String value, boolean prefix) implements UserQuery {
        public Term {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }
    }

    record And(List<UserQuery> operands) implements UserQuery {
    }

    record Or(List<UserQuery> operands) implements UserQuery {
    }

    record Not(UserQuery operand) implements UserQuery {
    }

    /** This query and {@code other}: the {@code connection} parameter narrows a search this way. */
    default UserQuery and(UserQuery other) {
        if (this instanceof All) {
            return other;
        }
        return other instanceof All ? this : new And(List.of(this, other));
    }

    /** An exact match on a profile attribute. */
    static UserQuery is(Attribute attribute, String value) {
        return new Term(new Field.Profile(attribute), value, false);
    }
}
