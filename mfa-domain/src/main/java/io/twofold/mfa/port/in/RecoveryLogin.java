package io.twofold.mfa.port.in;

import io.twofold.mfa.model.IssuedTokens;

/** A login completed with a recovery code: the tokens, and the new recovery code to show the user once. */
public record RecoveryLogin(IssuedTokens tokens, String newRecoveryCode) {
    @Override
    public String toString() {
        return "RecoveryLogin[" + tokens + ", newRecoveryCode=***]";
    }
}
