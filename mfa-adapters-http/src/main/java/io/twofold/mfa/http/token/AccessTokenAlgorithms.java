package io.twofold.mfa.http.token;

import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.port.out.ResourceServerStore;

/**
 * The algorithm an access token for an audience is signed with: the one its registered API chose.
 * Read for every token, never cached, so an operator's change holds on every node at once.
 */
@FunctionalInterface
public interface AccessTokenAlgorithms {

    SigningAlgorithm forAudience(String audience);

    /** Every access token RS256: a host that registers no APIs. */
    static AccessTokenAlgorithms rs256() {
        return audience -> SigningAlgorithm.RS256;
    }

    /** The algorithm of the API registered under the audience; RS256 for any other audience. */
    static AccessTokenAlgorithms registeredIn(ResourceServerStore apis) {
        return audience -> apis.signingAlgorithmOf(audience).getOrElse(SigningAlgorithm.RS256);
    }
}
