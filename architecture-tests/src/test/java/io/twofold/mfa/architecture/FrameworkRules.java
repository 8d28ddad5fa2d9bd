package io.twofold.mfa.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** Rule 4: each framework stays in the module whose job it is (and in the application that wires it). */
final class FrameworkRules {

    private FrameworkRules() {
    }

    static ArchRule micronautOnlyInHttpAndApp(TwofoldPackages p) {
        return confined(p, "Micronaut", new String[] {"io.micronaut.."}, p.http(), p.app());
    }

    /** JDBI, and with it the other persistence libraries: Flyway, HikariCP, the JDBC drivers. */
    static ArchRule persistenceLibrariesOnlyInJdbcAndApp(TwofoldPackages p) {
        return confined(p, "JDBI, Flyway, HikariCP and JDBC drivers",
                new String[] {"org.jdbi..", "org.flywaydb..", "com.zaxxer.hikari..", "org.h2..", "org.postgresql.."},
                p.jdbc(), p.app());
    }

    static ArchRule jacksonOnlyInHttpAndApp(TwofoldPackages p) {
        return confined(p, "Jackson", new String[] {"com.fasterxml.jackson.."}, p.http(), p.app());
    }

    static ArchRule sqlOnlyInJdbcAndApp(TwofoldPackages p) {
        return confined(p, "java.sql and javax.sql", new String[] {"java.sql..", "javax.sql.."}, p.jdbc(), p.app());
    }

    private static ArchRule confined(TwofoldPackages p, String framework, String[] frameworkPackages,
            String... allowedIn) {
        return noClasses().that().resideInAPackage(p.all()).and().resideOutsideOfPackages(allowedIn)
                .should().dependOnClassesThat().resideInAnyPackage(frameworkPackages)
                .as(framework + " is used only in " + String.join(" and ", allowedIn));
    }
}
