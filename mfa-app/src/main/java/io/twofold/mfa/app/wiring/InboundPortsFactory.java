package io.twofold.mfa.app.wiring;

import io.micronaut.context.annotation.Factory;
import io.twofold.mfa.port.in.AssociateAuthenticator;
import io.twofold.mfa.port.in.ChallengeAuthenticator;
import io.twofold.mfa.port.in.DeleteAuthenticator;
import io.twofold.mfa.port.in.ListAuthenticators;
import io.twofold.mfa.port.in.PasswordLogin;
import io.twofold.mfa.port.in.UserInfo;
import io.twofold.mfa.port.in.PurgeExpired;
import io.twofold.mfa.port.in.RenewTokens;
import io.twofold.mfa.port.in.RevokeRefreshToken;
import io.twofold.mfa.port.in.VerifyOob;
import io.twofold.mfa.port.in.VerifyOtp;
import io.twofold.mfa.port.in.VerifyRecoveryCode;
import io.twofold.mfa.usecase.MfaServices;
import jakarta.inject.Singleton;

/** Hands each use case of {@link MfaServices} to the controllers and the housekeeping job as inbound ports. */
@Factory
class InboundPortsFactory {

    @Singleton
    PasswordLogin passwordLogin(MfaServices services) {
        return services.passwordLogin();
    }

    @Singleton
    AssociateAuthenticator associate(MfaServices services) {
        return services.associate();
    }

    @Singleton
    ChallengeAuthenticator challenge(MfaServices services) {
        return services.challenge();
    }

    @Singleton
    VerifyOtp verifyOtp(MfaServices services) {
        return services.verifyOtp();
    }

    @Singleton
    VerifyOob verifyOob(MfaServices services) {
        return services.verifyOob();
    }

    @Singleton
    VerifyRecoveryCode verifyRecoveryCode(MfaServices services) {
        return services.verifyRecoveryCode();
    }

    @Singleton
    ListAuthenticators listAuthenticators(MfaServices services) {
        return services.listAuthenticators();
    }

    @Singleton
    UserInfo userInfo(MfaServices services) {
        return services.userInfo();
    }

    @Singleton
    DeleteAuthenticator deleteAuthenticator(MfaServices services) {
        return services.deleteAuthenticator();
    }

    @Singleton
    PurgeExpired purgeExpired(MfaServices services) {
        return services.purgeExpired();
    }

    @Singleton
    RenewTokens renewTokens(MfaServices services) {
        return services.renewTokens();
    }

    @Singleton
    RevokeRefreshToken revokeRefreshToken(MfaServices services) {
        return services.revokeRefreshToken();
    }
}
