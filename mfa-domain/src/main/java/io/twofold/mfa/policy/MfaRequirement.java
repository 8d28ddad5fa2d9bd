package io.twofold.mfa.policy;

import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.TenantPolicy;
import io.vavr.control.Option;

/** The policy that decides whether a password login needs a second factor. */
public final class MfaRequirement {
    private MfaRequirement() {
    }

    /**
     * The MFA API audience always needs it (spec 1.1), and so does every login while the operator's
     * {@code all-applications} policy is on, whatever the client's policy says; otherwise the client's
     * policy decides, {@code ENROLLED} by whether the user has an active factor of an enabled type.
     */
    public static boolean applies(Client client, TenantPolicy tenant, Option<String> audience, String mfaApiAudience,
                                  boolean userHasActiveFactor) {
        if (audience.contains(mfaApiAudience) || tenant.mfaForAllApplications()) {
            return true;
        }
        MfaPolicy policy = client.mfaPolicy();
        return policy == MfaPolicy.ALWAYS || (policy == MfaPolicy.ENROLLED && userHasActiveFactor);
    }
}
