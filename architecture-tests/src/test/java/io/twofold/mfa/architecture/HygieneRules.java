package io.twofold.mfa.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** Rule 7: constructor injection, no standard streams, no JUL, no generic exceptions. */
final class HygieneRules {

    /** ArchUnit's rule covers jakarta/javax @Inject and @Resource, Guice and Spring. */
    static final ArchRule NO_FIELD_INJECTION = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    /** Micronaut also injects configuration into fields through @Value and @Property. */
    static final ArchRule NO_MICRONAUT_FIELD_INJECTION = noFields()
            .should().beAnnotatedWith("io.micronaut.context.annotation.Value")
            .orShould().beAnnotatedWith("io.micronaut.context.annotation.Property")
            .as("no fields are injected with Micronaut's @Value or @Property")
            .because("configuration arrives through constructors, like every other dependency");

    /**
     * Only the program's entry point may touch System.out and System.err: it hands them to the
     * operator commands ({@code java -jar mfa-app.jar import ...}), whose interface they are.
     * Everything else logs.
     */
    static final ArchRule NO_STANDARD_STREAMS = noClasses()
            .that().doNotHaveFullyQualifiedName("io.twofold.mfa.app.cli.Launcher")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .as("no classes but the entry point should access standard streams");

    static final ArchRule NO_JAVA_UTIL_LOGGING = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    static final ArchRule NO_GENERIC_EXCEPTIONS = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    private HygieneRules() {
    }
}
