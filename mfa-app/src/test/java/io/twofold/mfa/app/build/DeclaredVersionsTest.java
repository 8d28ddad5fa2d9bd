package io.twofold.mfa.app.build;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The versions the parent pom declares are the versions that resolve, and so the ones the shaded
 * jar ships: an imported BOM that manages the same artifact (Micronaut's manages JDBI and JUnit)
 * must not win silently. Surefire passes each declared version as {@code declared.<group>.<artifact>};
 * the test classpath, laid out as a Maven repository ({@code <group>/<artifact>/<version>/}), says
 * what resolved.
 */
class DeclaredVersionsTest {

    @Test
    void everyDeclaredVersionIsTheOneOnTheClasspath() {
        Map<String, String> declared = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("declared."))
                .forEach(name -> declared.put(name.substring("declared.".length()), System.getProperty(name)));
        assertThat(declared).as("versions passed by surefire").containsKey("org.jdbi.jdbi3-core").hasSizeGreaterThan(5);

        Map<String, String> resolved = new TreeMap<>();
        declared.keySet().forEach(coordinates -> resolved.put(coordinates, resolvedVersion(coordinates)));

        assertThat(resolved).isEqualTo(declared);
    }

    /** {@code coordinates} is {@code <group>.<artifact>}; no artifact id here has a dot. */
    private static String resolvedVersion(String coordinates) {
        int dot = coordinates.lastIndexOf('.');
        String group = coordinates.substring(0, dot);
        String artifact = coordinates.substring(dot + 1);
        Path folder = Path.of(group.replace('.', File.separatorChar), artifact);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .map(Path::of)
                .filter(jar -> jar.getParent() != null && jar.getParent().getParent() != null
                        && jar.getParent().getParent().endsWith(folder))
                .map(jar -> jar.getParent().getFileName().toString())
                .findFirst()
                .orElse("not on the classpath");
    }
}
