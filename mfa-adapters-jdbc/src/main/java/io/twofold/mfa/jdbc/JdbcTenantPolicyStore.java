package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.GuardianFactor;
import io.twofold.mfa.model.TenantMfaPolicy;
import io.twofold.mfa.model.TenantPolicy;
import io.twofold.mfa.port.out.TenantPolicyStore;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import org.jdbi.v3.core.Handle;

/**
 * The factor switches in {@code factor_settings} (a row per factor type, named as Guardian names it)
 * and the policies in force in {@code mfa_policies}. {@link #current} is one query over both tiny
 * tables, run by every login, enrollment, challenge and grant: never cached, so a switch holds on
 * every node at the next request.
 */
public final class JdbcTenantPolicyStore implements TenantPolicyStore {
    private static final String ALL_APPLICATIONS = TenantMfaPolicy.ALL_APPLICATIONS.policyName();

    private final Handles handles;

    public JdbcTenantPolicyStore(Handles handles) {
        this.handles = handles;
    }

    @Override
    public TenantPolicy current() {
        // A factor is on unless its row says off, so a missing row means the default (on).
        List<String> rows = handles.withHandle(handle -> List.ofAll(handle.createQuery(
                        "SELECT factor FROM factor_settings WHERE enabled = FALSE"
                                + " UNION ALL SELECT 'policy:' || policy FROM mfa_policies")
                .mapTo(String.class)
                .list()));
        Set<FactorType> off = HashSet.ofAll(rows.flatMap(GuardianFactor::byName).flatMap(GuardianFactor::served));
        return policy(off, rows.contains("policy:" + ALL_APPLICATIONS));
    }

    /** The switches, from the factor types whose row says off and whether {@code all-applications} is in force. */
    static TenantPolicy policy(Set<FactorType> off, boolean mfaForAllApplications) {
        return new TenantPolicy(TenantPolicy.DEFAULT.enabledFactors().removeAll(off), mfaForAllApplications);
    }

    /**
     * The same switches as scalar subqueries (a SELECT list with no FROM, to join), for a query that
     * reads them beside its own rows: one
     * column {@code <prefix><factor name>} per factor Twofold serves (FALSE when off, NULL or TRUE when
     * on) and {@code <prefix>all_applications} (how many such policy rows, 0 or 1).
     */
    static String columns(String prefix) {
        return List.of(GuardianFactor.values()).filter(f -> f.served().isDefined())
                .map(f -> "(SELECT enabled FROM factor_settings WHERE factor = '" + f.factorName() + "') AS "
                        + column(prefix, f))
                .append("(SELECT COUNT(*) FROM mfa_policies WHERE policy = '" + ALL_APPLICATIONS + "') AS "
                        + prefix + "all_applications")
                .mkString(", ");
    }

    /** The switches as {@link #columns} selected them. */
    static TenantPolicy policy(java.sql.ResultSet rs, String prefix) throws java.sql.SQLException {
        Set<FactorType> off = HashSet.empty();
        for (GuardianFactor factor : GuardianFactor.values()) {
            if (factor.served().isDefined()) {
                boolean enabled = rs.getBoolean(column(prefix, factor));
                if (!enabled && !rs.wasNull()) {
                    off = off.add(factor.served().get());
                }
            }
        }
        return policy(off, rs.getLong(prefix + "all_applications") > 0);
    }

    private static String column(String prefix, GuardianFactor factor) {
        return prefix + factor.factorName().replace('-', '_');
    }

    @Override
    public void enableFactor(FactorType type, boolean enabled) {
        String name = List.of(GuardianFactor.values()).find(f -> f.served().contains(type)).get().factorName();
        handles.withHandle(handle -> {
            // The row exists from the migration; the INSERT only restores one someone deleted.
            if (update(handle, name, enabled) == 0) {
                handle.createUpdate("INSERT INTO factor_settings (factor, enabled) VALUES (:factor, :enabled)"
                                + " ON CONFLICT DO NOTHING")
                        .bind("enabled", enabled)
                        .bind("factor", name)
                        .execute();
                update(handle, name, enabled);
            }
            return null;
        });
    }

    private static int update(Handle handle, String factor, boolean enabled) {
        return handle.createUpdate("UPDATE factor_settings SET enabled = :enabled WHERE factor = :factor")
                .bind("enabled", enabled)
                .bind("factor", factor)
                .execute();
    }

    @Override
    public void requireMfaForAllApplications(boolean required) {
        handles.withHandle(handle -> required
                ? handle.createUpdate("INSERT INTO mfa_policies (policy) VALUES (:policy) ON CONFLICT DO NOTHING")
                        .bind("policy", ALL_APPLICATIONS).execute()
                : handle.createUpdate("DELETE FROM mfa_policies WHERE policy = :policy")
                        .bind("policy", ALL_APPLICATIONS).execute());
    }
}
