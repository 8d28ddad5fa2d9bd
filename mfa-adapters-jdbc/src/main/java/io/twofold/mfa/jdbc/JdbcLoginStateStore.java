package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.seal.SeedSealer;
import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.users.ProfileCache;
import io.twofold.mfa.jdbc.users.ProfileRows;
import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.port.out.LoginState;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TenantPolicy;
import io.twofold.mfa.model.User;
import io.twofold.mfa.port.out.LoginStateStore;
import io.vavr.collection.List;
import io.vavr.control.Option;

/**
 * The transaction, its user's authenticators and failure bucket, and the tenant's factor switches in
 * one query: a second-factor grant starts with one round trip instead of four. The switches are
 * subqueries of the same statement, so they are read on every grant (never cached) at no extra trip. The user's profile comes along in the same join and
 * warms this node's profile cache, so completing the login needs no read of {@code users} either
 * (the password step may have run on another node).
 */
public final class JdbcLoginStateStore implements LoginStateStore {
    private static final String QUERY = "SELECT t.*,"
            + " a.id AS a_id, a.user_id AS a_user_id, a.oob_address AS a_oob_address, a.seed_key_id AS a_seed_key_id,"
            + " a.seed_sealed AS a_seed_sealed, a.recovery_hash AS a_recovery_hash, a.created_at AS a_created_at,"
            + " a.expires_at AS a_expires_at, a.confirmed_at AS a_confirmed_at, a.enrolled_through AS a_enrolled_through,"
            + " a.companion_of AS a_companion_of, a.totp_algorithm AS a_totp_algorithm, a.totp_digits AS a_totp_digits,"
            + " a.totp_period AS a_totp_period,"
            + " b.bucket_key AS b_bucket_key, b.tokens AS b_tokens, b.refilled_at AS b_refilled_at,"
            + " b.consecutive_failures AS b_consecutive_failures, b.bucket_version AS b_bucket_version,"
            + " u.id AS u_id, u.username AS u_username, u.email AS u_email, u.blocked AS u_blocked, p.*"
            + " FROM mfa_transactions t"
            + " LEFT JOIN authenticators a ON a.user_id = t.user_id"
            + " LEFT JOIN attempt_buckets b ON b.bucket_key = :prefix || t.user_id"
            + " LEFT JOIN users u ON u.id = t.user_id"
            + " CROSS JOIN (SELECT " + JdbcTenantPolicyStore.columns("p_") + ") p"
            + " WHERE t.token_hash = :tokenHash"
            + " ORDER BY a.created_at, a.seq";

    /** One result row: the transaction, bucket, profile and switches repeat on every row; one authenticator each. */
    private record Row(MfaTransaction transaction, Option<Authenticator> authenticator, Option<AttemptBucket> bucket,
                       Option<User> profile, TenantPolicy policy) {
    }

    private static final TransactionRows TRANSACTIONS = new TransactionRows("");
    private static final BucketRows BUCKETS = new BucketRows("b_");
    private static final ProfileRows PROFILES = new ProfileRows("u_");

    private final Handles handles;
    private final AuthenticatorRows authenticators;
    private final ProfileCache profiles;

    /** @param profiles this node's profile cache, which the join's profile warms */
    public JdbcLoginStateStore(Handles handles, SeedSealer seeds, ProfileCache profiles) {
        this.handles = handles;
        this.authenticators = new AuthenticatorRows(seeds, "a_");
        this.profiles = profiles;
    }

    @Override
    public Option<LoginState> findByTokenHash(SecretHash tokenHash) {
        // Taken before the query: a profile changed while it runs is not cached.
        long stamp = profiles.stamp();
        List<Row> rows = handles.withHandle(handle -> List.ofAll(handle.createQuery(QUERY)
                .bind("prefix", AttemptBucket.SECOND_FACTOR_KEY_PREFIX)
                .bind("tokenHash", tokenHash.hex())
                .map((rs, ctx) -> new Row(
                        TRANSACTIONS.map(rs, ctx),
                        rs.getString("a_id") == null ? Option.none() : Option.some(authenticators.map(rs, ctx)),
                        rs.getString("b_bucket_key") == null ? Option.none()
                                : Option.some(BUCKETS.map(rs, ctx)),
                        rs.getString("u_id") == null ? Option.none() : Option.some(PROFILES.map(rs, ctx)),
                        JdbcTenantPolicyStore.policy(rs, "p_")))
                .list()));
        if (rows.isEmpty()) {
            return Option.none();
        }
        Row first = rows.head();
        first.profile().forEach(profile -> profiles.remember(profile, stamp));
        return Option.some(new LoginState(first.transaction(), rows.flatMap(Row::authenticator), first.bucket(),
                first.policy()));
    }
}
