package io.twofold.mfa.app.wiring;

import io.micronaut.context.annotation.Factory;
import io.twofold.mfa.app.metrics.Instrumentation;
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

/**
 * Hands each use case of {@link MfaServices} to the controllers and the housekeeping job as inbound ports;
 * the token grants, enrollment and challenge counted by {@link Instrumentation} on the way.
 */
@Factory
class InboundPortsFactory {

    @Singleton
    PasswordLogin passwordLogin(MfaServices services, Instrumentation metrics) {
        return metrics.passwordLogin(services.passwordLogin());
    }

    @Singleton
    AssociateAuthenticator associate(MfaServices services, Instrumentation metrics) {
        return metrics.associate(services.associate());
    }

    @Singleton
    ChallengeAuthenticator challenge(MfaServices services, Instrumentation metrics) {
        return metrics.challenge(services.challenge());
    }

    @Singleton
    VerifyOtp verifyOtp(MfaServices services, Instrumentation metrics) {
        return metrics.verifyOtp(services.verifyOtp());
    }

    @Singleton
    VerifyOob verifyOob(MfaServices services, Instrumentation metrics) {
        return metrics.verifyOob(services.verifyOob());
    }

    @Singleton
    VerifyRecoveryCode verifyRecoveryCode(MfaServices services, Instrumentation metrics) {
        return metrics.verifyRecoveryCode(services.verifyRecoveryCode());
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
    RenewTokens renewTokens(MfaServices services, Instrumentation metrics) {
        return metrics.renewTokens(services.renewTokens());
    }

    @Singleton
    RevokeRefreshToken revokeRefreshToken(MfaServices services) {
        return services.revokeRefreshToken();
    }
}
