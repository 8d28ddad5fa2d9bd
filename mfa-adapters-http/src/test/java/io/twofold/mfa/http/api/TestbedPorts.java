package io.twofold.mfa.http.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.twofold.mfa.port.in.AssociateAuthenticator;
import io.twofold.mfa.port.in.ChallengeAuthenticator;
import io.twofold.mfa.port.in.DeleteAuthenticator;
import io.twofold.mfa.port.in.ListAuthenticators;
import io.twofold.mfa.port.in.PasswordLogin;
import io.twofold.mfa.port.in.RenewTokens;
import io.twofold.mfa.port.in.RevokeRefreshToken;
import io.twofold.mfa.port.in.UserInfo;
import io.twofold.mfa.port.in.VerifyOob;
import io.twofold.mfa.port.in.VerifyOtp;
import io.twofold.mfa.port.in.VerifyRecoveryCode;
import io.twofold.mfa.usecase.MfaTestbed;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

import java.util.Map;

/** The inbound ports as the app provides them: the domain's real services, here over its in-memory fakes. */
@Factory
@Requires(env = TestbedPorts.ENV)
public class TestbedPorts {

    public static final String ENV = "api-testbed";

    /** The API on a random port over these ports; its context holds the {@link MfaTestbed}. */
    public static EmbeddedServer startServer() {
        return ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1), ENV);
    }

    @Singleton
    MfaTestbed testbed() {
        return new MfaTestbed();
    }

    @Singleton
    PasswordLogin passwordLogin(MfaTestbed testbed) {
        return testbed.services.passwordLogin();
    }

    @Singleton
    AssociateAuthenticator associate(MfaTestbed testbed) {
        return testbed.services.associate();
    }

    @Singleton
    ChallengeAuthenticator challenge(MfaTestbed testbed) {
        return testbed.services.challenge();
    }

    @Singleton
    VerifyOtp verifyOtp(MfaTestbed testbed) {
        return testbed.services.verifyOtp();
    }

    @Singleton
    VerifyOob verifyOob(MfaTestbed testbed) {
        return testbed.services.verifyOob();
    }

    @Singleton
    VerifyRecoveryCode verifyRecoveryCode(MfaTestbed testbed) {
        return testbed.services.verifyRecoveryCode();
    }

    @Singleton
    ListAuthenticators listAuthenticators(MfaTestbed testbed) {
        return testbed.services.listAuthenticators();
    }

    @Singleton
    UserInfo userInfo(MfaTestbed testbed) {
        return testbed.services.userInfo();
    }

    @Singleton
    RenewTokens renewTokens(MfaTestbed testbed) {
        return testbed.services.renewTokens();
    }

    @Singleton
    RevokeRefreshToken revokeRefreshToken(MfaTestbed testbed) {
        return testbed.services.revokeRefreshToken();
    }

    @Singleton
    DeleteAuthenticator deleteAuthenticator(MfaTestbed testbed) {
        return testbed.services.deleteAuthenticator();
    }
}
