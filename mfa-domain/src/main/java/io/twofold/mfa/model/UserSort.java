package io.twofold.mfa.model;

/** The order of a user search; ties are always broken by user id, so pages never overlap. */
public record UserSort(Key key, boolean ascending) {
    /** Oldest first: the order when none is asked for. */
    public static final UserSort DEFAULT = new UserSort(Key.CREATED_AT, true);

    /** What users may be sorted by. */
    public enum Key { USER_ID, EMAIL, USERNAME, NAME, NICKNAME, GIVEN_NAME, FAMILY_NAME, CREATED_AT, UPDATED_AT }
}
