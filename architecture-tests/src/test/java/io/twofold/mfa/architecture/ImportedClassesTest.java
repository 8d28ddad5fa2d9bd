package io.twofold.mfa.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The rules read the real modules' main classes: all of them, and nothing else. */
class ImportedClassesTest {

    private final JavaClasses classes = RealModules.classes();

    @Test
    void importsTheDomainModel() {
        assertThat(classes.contain("io.twofold.mfa.model.AuthenticatorId")).isTrue();
        assertThat(RealModules.moduleOf(classes.get("io.twofold.mfa.model.AuthenticatorId"))).isEqualTo("mfa-domain");
    }

    @Test
    void importsClassesFromEveryModule() {
        assertThat(classes.stream().map(RealModules::moduleOf).distinct())
                .containsExactlyInAnyOrderElementsOf(RealModules.MODULES);
        assertThat(classes.stream().map(JavaClass::getPackageName))
                .anyMatch(name -> name.startsWith("io.twofold.mfa.jdbc"))
                .anyMatch(name -> name.startsWith("io.twofold.mfa.http"))
                .anyMatch(name -> name.startsWith("io.twofold.mfa.app"));
    }

    @Test
    void everyClassComesFromTheModuleThatOwnsItsPackage() {
        // The rules reason in packages; this ties each package to the module it is compiled in.
        assertThat(classes.stream())
                .allSatisfy(javaClass -> assertThat(RealModules.moduleOf(javaClass))
                        .as(javaClass.getName())
                        .isEqualTo(owningModule(javaClass.getPackageName())));
    }

    @Test
    void importsNoTestFixturesNorTests() {
        assertThat(classes.stream().map(JavaClass::getPackageName))
                .noneMatch(name -> name.startsWith("io.twofold.mfa.fake"))
                .noneMatch(name -> name.startsWith("io.twofold.mfa.contract"))
                .noneMatch(name -> name.startsWith("io.twofold.mfa.testing"))
                .noneMatch(name -> name.startsWith("io.twofold.mfa.architecture"));
        assertThat(classes.stream().map(JavaClass::getSimpleName)).noneMatch(name -> name.endsWith("Test"));
    }

    @Test
    void leavesOutMicronautsGeneratedClasses() {
        assertThat(classes.stream().map(JavaClass::getName)).noneMatch(name -> name.contains(".$"));
    }

    private static String owningModule(String packageName) {
        if (packageName.startsWith("io.twofold.mfa.jdbc")) {
            return "mfa-adapters-jdbc";
        }
        if (packageName.startsWith("io.twofold.mfa.http")) {
            return "mfa-adapters-http";
        }
        if (packageName.startsWith("io.twofold.mfa.app")) {
            return "mfa-app";
        }
        return "mfa-domain";
    }
}
