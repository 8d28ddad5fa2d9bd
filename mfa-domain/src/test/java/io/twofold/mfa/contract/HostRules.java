package io.twofold.mfa.contract;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * ArchUnit rules for a host that embeds Twofold, to run over its own classes (Twofold runs them over
 * its adapters and its app): the supported API is {@code io.twofold.mfa} without the
 * {@code ..internal..} packages, which may change in any release.
 * <pre>{@code
 * HostRules.doNotUseTwofoldInternals().check(new ClassFileImporter().importPackages("com.example"));
 * }</pre>
 */
public final class HostRules {
    /** The packages of the domain module itself, which may use its own internals. */
    private static final String[] DOMAIN = {"io.twofold.mfa.model..", "io.twofold.mfa.error..",
            "io.twofold.mfa.policy..", "io.twofold.mfa.port..", "io.twofold.mfa.usecase..", "io.twofold.mfa.otp..",
            "io.twofold.mfa.secret..", "io.twofold.mfa.memory.."};

    private HostRules() {
    }

    public static ArchRule doNotUseTwofoldInternals() {
        return noClasses().that().resideOutsideOfPackages(DOMAIN)
                .should().dependOnClassesThat().resideInAPackage("io.twofold.mfa..internal..")
                .as("code outside the Twofold domain uses only its supported API (no ..internal.. package)")
                .because("internal classes may change in any release")
                .allowEmptyShould(true);
    }
}
