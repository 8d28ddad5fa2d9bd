package io.twofold.mfa.port.out;

import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.model.SecretHash;
import io.vavr.control.Option;

/**
 * Reads an MFA transaction together with its user's authenticators, failure bucket and the tenant's
 * factor switches, so a database can answer a second-factor grant's reads in one round trip instead of four.
 */
public interface LoginStateStore {

    /**
     * The transaction whose token hashes to {@code tokenHash} (completed or not), with what
     * {@link AuthenticatorStore#findByUser} returns for its user and what {@link AttemptCounterStore#find}
     * returns for the user's second-factor bucket ({@link AttemptBucket#secondFactorKey}) and what
     * {@link TenantPolicyStore#current} returns, at the same moment (never from a cache: a factor turned
     * off stops its codes on every node at once). None when no transaction has that hash.
     */
    Option<LoginState> findByTokenHash(SecretHash tokenHash);
}
