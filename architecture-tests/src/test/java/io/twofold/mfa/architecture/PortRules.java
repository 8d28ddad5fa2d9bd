package io.twofold.mfa.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** Rule 3: ports are interfaces, and controllers reach the domain only through the inbound ports. */
final class PortRules {

    static final String CONTROLLER = "io.micronaut.http.annotation.Controller";

    private PortRules() {
    }

    /** Outbound ports are interfaces; the only classes allowed beside them are their exceptions. */
    static ArchRule outboundPortsAreInterfaces(TwofoldPackages p) {
        return classes().that().resideInAPackage(p.portOut())
                .and().areTopLevelClasses()
                .and().areNotAssignableTo(Throwable.class)
                .and().areNotRecords()
                .should().beInterfaces()
                .as("outbound ports (" + p.portOut() + ", exceptions and the records they carry aside) are interfaces")
                .because("a host or an adapter implements them; the domain never picks the implementation");
    }

    /** Use cases are interfaces; their commands and results beside them are records (or sealed interfaces). */
    static ArchRule inboundPortsAreInterfacesOrValues(TwofoldPackages p) {
        return classes().that().resideInAPackage(p.portIn())
                .and().areTopLevelClasses()
                .should().beInterfaces()
                .orShould().beRecords()
                .orShould().beEnums()
                .as("inbound ports (" + p.portIn() + ") are use-case interfaces,"
                        + " with records for their commands and results")
                .because("each use case is one interface that one service implements");
    }

    static ArchRule controllersUseTheDomainOnlyThroughInboundPorts(TwofoldPackages p) {
        return noClasses().that().areMetaAnnotatedWith(CONTROLLER)
                .should().dependOnClassesThat(resideInAPackage(p.all())
                        .and(not(resideInAnyPackage(p.portIn(), p.model(), p.error(), p.http())))
                        .as("domain or adapter classes other than inbound ports, model and errors"))
                .as("controllers use the domain only through inbound ports, model and errors")
                .because("services, stores and the JDBC adapter stay behind the use-case interfaces");
    }
}
