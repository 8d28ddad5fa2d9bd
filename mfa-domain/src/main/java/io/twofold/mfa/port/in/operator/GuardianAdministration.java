package io.twofold.mfa.port.in.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.FactorSetting;
import io.twofold.mfa.model.TenantMfaPolicy;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** The tenant's factor switches and MFA policies ({@code /api/v2/guardian/factors} and {@code /policies}). */
public interface GuardianAdministration {

    /** Every Guardian factor, in Auth0's order, and whether it is on. */
    List<FactorSetting> factors();

    /** Turns the named factor on or off for every node at once; the factor's setting now. */
    Either<OperatorError, FactorSetting> setFactor(ClientId actor, String name, boolean enabled);

    /** The MFA policies in force. */
    List<TenantMfaPolicy> policies();

    /** Replaces the MFA policies in force by the named ones; the policies now. */
    Either<OperatorError, List<TenantMfaPolicy>> setPolicies(ClientId actor, List<String> names);
}
