package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TenantPolicy;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.secret.internal.RecoveryCodes;
import io.twofold.mfa.secret.internal.SecretGenerator;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Instant;

/**
 * A user whose factors came without a recovery code (imported, or added by an operator) gets one
 * at their first login with a factor, shown once in that grant's answer, as Auth0 shows the next
 * code after a recovery. The store adds it only while the user has none, so two first logins at
 * once show one code between them.
 */
public final class FirstRecoveryCode {
    private final AuthenticatorStore authenticators;
    private final SecretGenerator secrets;
    private final boolean enabled;
    private final Clock clock;

    /** @param enabled whether this deployment gives recovery codes at all (MfaSettings) */
    public FirstRecoveryCode(AuthenticatorStore authenticators, SecretGenerator secrets, boolean enabled, Clock clock) {
        this.authenticators = authenticators;
        this.secrets = secrets;
        this.enabled = enabled;
        this.clock = clock;
    }

    /** The new code, when the user had none and recovery codes are on; call it inside the grant's unit of work. */
    public Option<String> issueIfNone(UserId user, boolean hadRecoveryCode, TenantPolicy policy) {
        if (!enabled || hadRecoveryCode || !policy.allows(AuthenticatorKind.RECOVERY_CODE)) {
            return Option.none();
        }
        String code = secrets.recoveryCode();
        Instant now = clock.instant();
        ActiveAuthenticator recovery = new ActiveAuthenticator(
                new AuthenticatorId(AuthenticatorKind.RECOVERY_CODE, secrets.deviceId()), user,
                new Factor.RecoveryCode(SecretHash.of(RecoveryCodes.normalize(code).get())), now, now);
        return authenticators.addRecoveryCodeIfNone(recovery) ? Option.some(code) : Option.none();
    }
}
