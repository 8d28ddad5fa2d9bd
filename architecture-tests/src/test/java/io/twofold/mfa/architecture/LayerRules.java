package io.twofold.mfa.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/** Rules 2 and 5: dependencies point inwards, and no packages form cycles. */
final class LayerRules {

    private LayerRules() {
    }

    /**
     * The hexagon: model (with errors and policies) at the centre, ports around it, services
     * implementing the inbound ports, adapters on the outbound ports (the in-memory one inside the
     * domain module, JDBC and HTTP beside it), and only the application seeing everything. Every
     * class must belong to a layer, so a new package cannot slip past.
     */
    static ArchRule dependenciesPointInwards(TwofoldPackages p) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Model").definedBy(p.model(), p.error(), p.policy())
                .layer("InboundPorts").definedBy(p.portIn())
                .layer("OutboundPorts").definedBy(p.portOut())
                .layer("Otp").definedBy(p.otp())
                .layer("Secrets").definedBy(p.secret())
                .layer("Services").definedBy(p.service())
                .layer("MemoryAdapter").definedBy(p.memory())
                .layer("JdbcAdapter").definedBy(p.jdbc())
                .layer("HttpAdapter").definedBy(p.http())
                .layer("Application").definedBy(p.app())
                .whereLayer("Model").mayNotAccessAnyLayer()
                .whereLayer("InboundPorts").mayOnlyAccessLayers("Model")
                .whereLayer("OutboundPorts").mayOnlyAccessLayers("Model")
                .whereLayer("Otp").mayOnlyAccessLayers("Model", "OutboundPorts")
                .whereLayer("Secrets").mayOnlyAccessLayers("Model", "OutboundPorts")
                .whereLayer("Services")
                .mayOnlyAccessLayers("Model", "InboundPorts", "OutboundPorts", "Otp", "Secrets")
                .whereLayer("MemoryAdapter").mayOnlyAccessLayers("Model", "OutboundPorts")
                .whereLayer("JdbcAdapter").mayOnlyAccessLayers("Model", "OutboundPorts", "Otp", "Secrets")
                .whereLayer("HttpAdapter")
                .mayOnlyAccessLayers("Model", "InboundPorts", "OutboundPorts", "Otp", "Secrets")
                .whereLayer("Application").mayNotBeAccessedByAnyLayer()
                .ensureAllClassesAreContainedInArchitecture()
                .as("dependencies point inwards: model <- ports <- services; adapters never on each other;"
                        + " nothing depends on the application");
    }

    /** Top-level slices (model, port, service, jdbc, http, app...) are free of cycles. */
    static ArchRule topLevelPackagesAreFreeOfCycles(TwofoldPackages p) {
        return slices().matching(p.root() + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .as("top-level packages under " + p.root() + " are free of cycles");
    }

    /** Every package, at any depth, is its own slice; none of them form a cycle. */
    static ArchRule everyPackageIsFreeOfCycles(TwofoldPackages p) {
        return slices().matching(p.root() + ".(**)").namingSlices("$1")
                .should().beFreeOfCycles()
                .as("packages under " + p.root() + " at any depth are free of cycles");
    }
}
