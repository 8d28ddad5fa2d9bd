package io.twofold.mfa.model;

/** Whether a Guardian factor is on: what {@code GET /guardian/factors} lists. */
public record FactorSetting(GuardianFactor factor, boolean enabled) {
}
