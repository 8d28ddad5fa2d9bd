package io.twofold.mfa.service;

import io.twofold.mfa.port.in.AssociateAuthenticator;
import io.twofold.mfa.port.in.ChallengeAuthenticator;
import io.twofold.mfa.port.in.DeleteAuthenticator;
import io.twofold.mfa.port.in.ListAuthenticators;
import io.twofold.mfa.port.in.PasswordLogin;
import io.twofold.mfa.port.in.VerifyOob;
import io.twofold.mfa.port.in.VerifyOtp;
import io.twofold.mfa.port.in.VerifyRecoveryCode;

/** The use cases, built by hand from their dependencies: what a host service or the app wires once. */
public record MfaServices(
        PasswordLogin passwordLogin,
        AssociateAuthenticator associate,
        ChallengeAuthenticator challenge,
        VerifyOtp verifyOtp,
        VerifyOob verifyOob,
        VerifyRecoveryCode verifyRecoveryCode,
        ListAuthenticators listAuthenticators,
        DeleteAuthenticator deleteAuthenticator) {
}
