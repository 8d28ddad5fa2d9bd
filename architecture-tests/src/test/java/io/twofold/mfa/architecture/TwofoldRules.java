package io.twofold.mfa.architecture;

import com.tngtech.archunit.lang.ArchRule;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every architecture rule, by a short name, for a given package layout. */
final class TwofoldRules {

    private TwofoldRules() {
    }

    static Map<String, ArchRule> all(TwofoldPackages p) {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("domainDependsOnlyOnTheJdkAndVavr", DomainRules.domainDependsOnlyOnTheJdkAndVavr(p));
        rules.put("domainDoesNotReadTheAmbientClock", DomainRules.domainDoesNotReadTheAmbientClock(p));
        rules.put("dependenciesPointInwards", LayerRules.dependenciesPointInwards(p));
        rules.put("outboundPortsAreInterfaces", PortRules.outboundPortsAreInterfaces(p));
        rules.put("inboundPortsAreInterfacesOrValues", PortRules.inboundPortsAreInterfacesOrValues(p));
        rules.put("controllersUseTheDomainOnlyThroughInboundPorts",
                PortRules.controllersUseTheDomainOnlyThroughInboundPorts(p));
        rules.put("micronautOnlyInHttpAndApp", FrameworkRules.micronautOnlyInHttpAndApp(p));
        rules.put("persistenceLibrariesOnlyInJdbcAndApp", FrameworkRules.persistenceLibrariesOnlyInJdbcAndApp(p));
        rules.put("jacksonOnlyInHttpAndApp", FrameworkRules.jacksonOnlyInHttpAndApp(p));
        rules.put("sqlOnlyInJdbcAndApp", FrameworkRules.sqlOnlyInJdbcAndApp(p));
        rules.put("topLevelPackagesAreFreeOfCycles", LayerRules.topLevelPackagesAreFreeOfCycles(p));
        rules.put("everyPackageIsFreeOfCycles", LayerRules.everyPackageIsFreeOfCycles(p));
        rules.put("jdbcAdaptersAreNamedJdbc", NamingRules.jdbcAdaptersAreNamedJdbc(p));
        rules.put("memoryAdaptersAreNamedInMemory", NamingRules.memoryAdaptersAreNamedInMemory(p));
        rules.put("servicesAreNamedService", NamingRules.servicesAreNamedService(p));
        rules.put("sendersAreNamedSender", NamingRules.sendersAreNamedSender(p));
        rules.put("noFieldInjection", HygieneRules.NO_FIELD_INJECTION);
        rules.put("noMicronautFieldInjection", HygieneRules.NO_MICRONAUT_FIELD_INJECTION);
        rules.put("noStandardStreams", HygieneRules.NO_STANDARD_STREAMS);
        rules.put("noJavaUtilLogging", HygieneRules.NO_JAVA_UTIL_LOGGING);
        rules.put("noGenericExceptions", HygieneRules.NO_GENERIC_EXCEPTIONS);
        return rules;
    }
}
