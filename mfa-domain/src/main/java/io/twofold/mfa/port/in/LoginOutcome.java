package io.twofold.mfa.port.in;

import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.IssuedTokens;
import io.vavr.collection.List;

/**
 * How a password login that got the password right goes on: with tokens at once (the client's
 * policy needs no second factor), or with a second factor to pass first. Both are successes of the
 * first factor; a wrong password, a blocked account or a refused client are {@code MfaError}s.
 */
public sealed interface LoginOutcome {

    /** No second factor needed: the tokens. */
    record Tokens(IssuedTokens tokens) implements LoginOutcome {
    }

    /**
     * A second factor is needed (Auth0's {@code mfa_required}): {@code mfaToken} stands for this
     * half-finished login and goes to the MFA grants and to {@code /mfa/*}; {@code challengeTypes}
     * are what the user can answer with now (empty when nothing is active), {@code enrollTypes} what
     * the user may enroll first (empty when something is active).
     */
    record SecondFactorRequired(String mfaToken, List<FactorType> challengeTypes, List<FactorType> enrollTypes)
            implements LoginOutcome {
        @Override
        public String toString() {
            return "SecondFactorRequired[mfaToken=***, challenge=" + challengeTypes + ", enroll=" + enrollTypes + "]";
        }
    }
}
