package io.twofold.mfa.port.out;

import io.twofold.mfa.model.LoginState;
import io.twofold.mfa.model.SecretHash;
import io.vavr.control.Option;

/**
 * Reads an MFA transaction together with its user's authenticators and failure bucket, so a
 * database can answer a second-factor grant's reads in one round trip instead of three.
 */
public interface LoginStateStore {

    /**
     * The transaction whose token hashes to {@code tokenHash} (completed or not), with what
     * {@link AuthenticatorStore#findByUser} and {@link AttemptCounterStore#find} return for its user
     * at the same moment; the bucket's key is {@code bucketKeyPrefix} followed by the user id. None
     * when no transaction has that hash.
     */
    Option<LoginState> findByTokenHash(SecretHash tokenHash, String bucketKeyPrefix);
}
