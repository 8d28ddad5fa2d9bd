package io.twofold.mfa.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.lang.ArchRule;

/** Rule 6: adapters carry their technology, services and senders say what they are. */
final class NamingRules {

    private NamingRules() {
    }

    static ArchRule jdbcAdaptersAreNamedJdbc(TwofoldPackages p) {
        return adaptersNamed(p.jdbc(), "Jdbc", p).as("JDBC classes implementing an outbound port are named Jdbc*");
    }

    static ArchRule memoryAdaptersAreNamedInMemory(TwofoldPackages p) {
        return adaptersNamed(p.memory(), "InMemory", p)
                .as("in-memory classes implementing an outbound port are named InMemory*");
    }

    /** The classes of an adapter package that implement an outbound port carry the adapter's technology first. */
    private static ArchRule adaptersNamed(String adapterPackage, String prefix, TwofoldPackages p) {
        return classes().that().resideInAPackage(adapterPackage)
                .and().implement(resideInAPackage(p.portOut()).as("an outbound port"))
                .and().areNotAnonymousClasses()
                .should().haveSimpleNameStartingWith(prefix);
    }

    static ArchRule servicesAreNamedService(TwofoldPackages p) {
        return classes().that().resideInAPackage(p.service())
                .and().implement(resideInAPackage(p.portIn()).as("an inbound port"))
                .should().haveSimpleNameEndingWith("Service")
                .as("services implementing an inbound port are named *Service");
    }

    static ArchRule sendersAreNamedSender(TwofoldPackages p) {
        return classes().that().resideInAPackage(p.httpDelivery())
                .and().implement(resideInAPackage(p.portOut()).and(simpleNameEndingWith("Sender"))
                        .as("an outbound sender port"))
                .and().areNotAnonymousClasses()
                .should().haveSimpleNameEndingWith("Sender")
                .as("delivery adapters implementing a sender port are named *Sender");
    }
}
