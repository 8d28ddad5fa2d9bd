package io.twofold.mfa.port.out;

import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.TenantPolicy;
import io.vavr.collection.List;
import io.vavr.control.Option;

/**
 * An MFA transaction with what the grant that presents its token checks before it looks at a code:
 * the user's authenticators, the user's stored failure bucket (none before the first failure), and
 * the operator's factor switches as they stand now.
 */
public record LoginState(MfaTransaction transaction, List<Authenticator> authenticators, Option<AttemptBucket> failures,
                         TenantPolicy policy) {
}
