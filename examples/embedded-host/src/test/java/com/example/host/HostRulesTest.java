package com.example.host;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.twofold.mfa.contract.HostRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The host uses only Twofold's supported API: no class of ours reaches into an ..internal.. package. */
class HostRulesTest {
    @Test
    void hostStaysOffTwofoldsInternals() {
        JavaClasses hostClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.example.host");
        assertThat(hostClasses.contain(HostMfa.class)).as("the host's main classes were imported").isTrue();

        HostRules.doNotUseTwofoldInternals().check(hostClasses);
    }
}
