package io.twofold.mfa.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same rule objects, evaluated on io.twofold.fixture.violations: each rule reports the
 * deliberate violations there, and leaves the well-behaved classes beside them alone.
 */
class RulesCatchViolationsTest {

    private static final TwofoldPackages FIXTURE = new TwofoldPackages("io.twofold.fixture.violations");
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_PACKAGE_INFOS)
            .importLocations(PackageLocations.of(FIXTURE.root()));

    static Stream<Arguments> rules() {
        return TwofoldRules.all(FIXTURE).entrySet().stream()
                .map(rule -> Arguments.of(rule.getKey(), rule.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void everyRuleCanFail(String name, ArchRule rule) {
        assertThat(rule.evaluate(CLASSES).hasViolation()).as(name).isTrue();
    }

    @Test
    void domainPurityCatchesFrameworksSqlAndLogging() {
        String report = violations(DomainRules.domainDependsOnlyOnTheJdkAndVavr(FIXTURE));
        assertThat(report).contains(fixture("model.UsesMicronaut"), fixture("model.UsesSql"),
                fixture("model.UsesSlf4j"), fixture("usecase.UsesTheApp"));
        assertThat(report).doesNotContain(fixture("model.AsksTheInjectedClock"));
    }

    @Test
    void ambientClockCatchesNowCurrentTimeMillisSystemClocksAndNewDate() {
        String report = violations(DomainRules.domainDoesNotReadTheAmbientClock(FIXTURE));
        assertThat(report).contains(fixture("model.CallsInstantNow"), fixture("model.ReferencesInstantNow"),
                fixture("model.CallsCurrentTimeMillis"), fixture("model.CreatesDate"),
                fixture("model.UsesSystemClock"));
        assertThat(report).contains("<java.time.LocalDateTime.now()>", "<java.time.ZonedDateTime.now(java.time.ZoneId)>",
                "<java.lang.System.nanoTime()>", "<java.time.Clock.tickSeconds(java.time.ZoneId)>",
                "<java.util.Calendar.getInstance()>");
        assertThat(report).doesNotContain(fixture("model.AsksTheInjectedClock"));
    }

    @Test
    void layeringCatchesInwardViolationsAdapterCouplingAndDependenciesOnTheApp() {
        String report = violations(LayerRules.dependenciesPointInwards(FIXTURE));
        assertThat(report).contains(fixture("model.KnowsItsStore"), fixture("port.in.LeaksTheService"),
                fixture("otp.OtpUsesService"), fixture("jdbc.CallsHttp"), fixture("http.token.Pong"),
                fixture("usecase.UsesTheApp"), fixture("http.api.ServiceController"),
                fixture("stray.UnmappedPackage"), fixture("memory.InMemoryStoreUsesTheService"));
        assertThat(report).doesNotContain(fixture("app.Wiring.renameWidget"), fixture("memory.InMemoryWidgetStore"));
    }

    @Test
    void portsWrittenAsClassesAreCaught() {
        String outbound = violations(PortRules.outboundPortsAreInterfaces(FIXTURE));
        assertThat(outbound).contains(fixture("port.out.ConcreteStore"));
        assertThat(outbound).doesNotContain(fixture("port.out.WidgetGone"), fixture("port.out.WidgetStore"));

        String inbound = violations(PortRules.inboundPortsAreInterfacesOrValues(FIXTURE));
        assertThat(inbound).contains(fixture("port.in.ConcreteUseCase"));
        assertThat(inbound).doesNotContain(fixture("port.in.RenameWidget"));
    }

    @Test
    void controllersUsingServicesOrStoresAreCaught() {
        String report = violations(PortRules.controllersUseTheDomainOnlyThroughInboundPorts(FIXTURE));
        assertThat(report).contains(fixture("http.api.ServiceController"), fixture("http.api.StoreController"));
        assertThat(report).doesNotContain(fixture("http.api.GoodController"));
    }

    @Test
    void frameworksOutsideTheirModulesAreCaught() {
        assertThat(violations(FrameworkRules.micronautOnlyInHttpAndApp(FIXTURE)))
                .contains(fixture("model.UsesMicronaut"), fixture("jdbc.UsesMicronautInJdbc"));
        assertThat(violations(FrameworkRules.persistenceLibrariesOnlyInJdbcAndApp(FIXTURE)))
                .contains(fixture("http.api.QueriesTheDatabase"));
        assertThat(violations(FrameworkRules.jacksonOnlyInHttpAndApp(FIXTURE)))
                .contains(fixture("jdbc.JsonColumn"));
        assertThat(violations(FrameworkRules.sqlOnlyInJdbcAndApp(FIXTURE)))
                .contains(fixture("model.UsesSql"), fixture("http.api.QueriesTheDatabase"));
    }

    @Test
    void cyclesAreCaughtAtTheTopAndInsideAModule() {
        assertThat(violations(LayerRules.topLevelPackagesAreFreeOfCycles(FIXTURE)))
                .contains("Cycle detected: ", fixture("jdbc.CallsHttp"), fixture("http.token.Pong"));
        assertThat(violations(LayerRules.everyPackageIsFreeOfCycles(FIXTURE)))
                .contains("http.api -> ", "http.token -> ", fixture("http.api.Ping"), fixture("http.token.Pong"));
    }

    @Test
    void misnamedAdaptersServicesAndSendersAreCaught() {
        String jdbc = violations(NamingRules.jdbcAdaptersAreNamedJdbc(FIXTURE));
        assertThat(jdbc).contains(fixture("jdbc.WidgetTable")).doesNotContain(fixture("jdbc.JdbcWidgetStore"));

        String memory = violations(NamingRules.memoryAdaptersAreNamedInMemory(FIXTURE));
        assertThat(memory).contains(fixture("memory.WidgetMap")).doesNotContain(fixture("memory.InMemoryWidgetStore"));

        String services = violations(NamingRules.servicesAreNamedService(FIXTURE));
        assertThat(services).contains(fixture("usecase.RenameWidgetHandler"))
                .doesNotContain(fixture("usecase.RenameWidgetService"));

        String senders = violations(NamingRules.sendersAreNamedSender(FIXTURE));
        assertThat(senders).contains(fixture("http.delivery.SmsGateway"))
                .doesNotContain(fixture("http.delivery.WebhookWidgetSender"));
    }

    @Test
    void hygieneRulesCatchInjectionStreamsJulAndGenericExceptions() {
        assertThat(violations(HygieneRules.NO_FIELD_INJECTION)).contains(fixture("app.FieldInjected"));
        assertThat(violations(HygieneRules.NO_MICRONAUT_FIELD_INJECTION)).contains(fixture("app.ValueInjected"));
        assertThat(violations(HygieneRules.NO_STANDARD_STREAMS)).contains(fixture("app.PrintsToStdout"));
        assertThat(violations(HygieneRules.NO_JAVA_UTIL_LOGGING)).contains(fixture("app.UsesJul"));
        assertThat(violations(HygieneRules.NO_GENERIC_EXCEPTIONS)).contains(fixture("app.ThrowsGeneric"));
    }

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(CLASSES);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    private static String fixture(String relativeName) {
        return FIXTURE.root() + "." + relativeName;
    }
}
