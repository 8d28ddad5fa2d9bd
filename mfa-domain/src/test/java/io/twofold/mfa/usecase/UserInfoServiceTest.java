package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.twofold.mfa.port.in.UserClaims;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** UserInfo answers for an access token with openid, with the claims its scope allows. */
class UserInfoServiceTest {
    private final MfaTestbed bed = new MfaTestbed();

    private String accessToken(String scope) {
        bed.clients.registerPublic("no-mfa", MfaPolicy.NEVER);
        return MfaTestbed.tokens(bed.services.passwordLogin().login(new PasswordLoginCommand(
                new ClientCredentials(new ClientId("no-mfa"), Option.none()), GrantType.PASSWORD, Option.none(),
                "alice", MfaTestbed.PASSWORD, Option.none(), Scope.parse(scope)))).accessToken();
    }

    @Test
    void answersTheProfileAndEmailClaimsTheScopeAllows() {
        UserClaims all = bed.services.userInfo().userInfo(accessToken("openid profile email")).get();

        assertThat(all).isEqualTo(UserClaims.of(bed.alice.id(), Option.some("alice"),
                Option.some("alice@example.com")));
        assertThat(bed.services.userInfo().userInfo(accessToken("openid")).get())
                .isEqualTo(UserClaims.of(bed.alice.id(), Option.none(), Option.none()));
    }

    @Test
    void refusesATokenWithoutOpenidAnUnknownTokenAndNone() {
        assertThat(bed.services.userInfo().userInfo(accessToken("profile")).getLeft())
                .isEqualTo(new MfaError.InvalidToken(UserInfoService.OPENID_REQUIRED));
        assertThat(bed.services.userInfo().userInfo("at.999").getLeft()).isInstanceOf(MfaError.InvalidToken.class);
        assertThat(bed.services.userInfo().userInfo(" ").getLeft()).isInstanceOf(MfaError.InvalidToken.class);
    }
}
