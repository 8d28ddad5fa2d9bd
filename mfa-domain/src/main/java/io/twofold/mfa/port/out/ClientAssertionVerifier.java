package io.twofold.mfa.port.out;

import io.twofold.mfa.model.AssertionClaims;
import io.twofold.mfa.model.ClientAssertion;
import io.twofold.mfa.model.ClientPublicKey;
import io.vavr.collection.List;
import io.vavr.control.Option;

/**
 * Checks that a client assertion is signed by one of the client's keys with that key's algorithm and
 * is addressed to this server ({@code aud}); its claims, when it is. What the claims must say is the
 * domain's rule ({@code ClientAssertionRules}).
 */
public interface ClientAssertionVerifier {

    Option<AssertionClaims> verify(ClientAssertion assertion, List<ClientPublicKey> keys);
}
