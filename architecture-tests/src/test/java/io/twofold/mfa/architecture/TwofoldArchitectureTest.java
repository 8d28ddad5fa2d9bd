package io.twofold.mfa.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.twofold.fixture.host.UsesDomainInternals;
import io.twofold.mfa.contract.HostRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule, checked against the main classes of the real modules. */
class TwofoldArchitectureTest {

    static Stream<Arguments> rules() {
        return TwofoldRules.all(TwofoldPackages.TWOFOLD).entrySet().stream()
                .map(rule -> Arguments.of(rule.getKey(), rule.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holdsOnTheRealModules(String name, ArchRule rule) {
        rule.check(RealModules.classes());
    }

    @Test
    void adaptersAndTheAppUseOnlyTheDomainsSupportedApi() {
        HostRules.doNotUseTwofoldInternals().check(RealModules.classes());
    }

    @Test
    void theHostRuleRefusesAHostThatUsesAnInternal() {
        assertThatThrownBy(() -> HostRules.doNotUseTwofoldInternals()
                .check(new ClassFileImporter().importClasses(UsesDomainInternals.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(UsesDomainInternals.class.getName());
    }

    @Test
    void aRuleThatMatchesNoClassFails() {
        // Guards against a rule silently passing because its "that()" selects nothing (a renamed package).
        assertThat(ArchConfiguration.get().getPropertyOrDefault("archRule.failOnEmptyShould", "unset"))
                .isEqualTo("true");
        ArchRule selectsNothing = NamingRules.servicesAreNamedService(new TwofoldPackages("io.twofold.nowhere"));
        assertThatThrownBy(() -> selectsNothing.check(RealModules.classes()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}
