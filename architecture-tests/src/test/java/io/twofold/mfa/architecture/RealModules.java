package io.twofold.mfa.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Imports the main classes of the real modules, once per test run, from each module's build folder in
 * this checkout, so neither the published test-jars (fakes, contracts), nor a stale copy in a local
 * repository, nor these tests can stand in for the code under test.
 */
final class RealModules {

    static final List<String> MODULES =
            List.of("mfa-domain", "mfa-adapters-jdbc", "mfa-adapters-http", "mfa-app");

    /** Micronaut writes its bean definitions and introspections as classes whose names start with '$'. */
    private static final Pattern GENERATED = Pattern.compile(".*/\\$[^/]*\\.class$");

    private RealModules() {
    }

    static JavaClasses classes() {
        return Imported.CLASSES;
    }

    static Path projectRoot() {
        return Imported.ROOT;
    }

    /** The module folder a class file was read from, or "" when it came from anywhere else. */
    static String moduleOf(JavaClass javaClass) {
        String uri = javaClass.getSource().map(source -> source.getUri().toString()).orElse("");
        return MODULES.stream()
                .filter(module -> uri.contains(moduleFolder(projectRoot(), module)))
                .findFirst()
                .orElse("");
    }

    private static String moduleFolder(Path root, String module) {
        return root.resolve(module).toUri().getRawPath();
    }

    private static final class Imported {
        static final Path ROOT = findProjectRoot();
        static final JavaClasses CLASSES = new ClassFileImporter()
                .withImportOption(location -> !location.matches(GENERATED))
                .importPaths(MODULES.stream().map(Imported::mainClasses).toList());

        /**
         * The module's compiled main classes in this checkout, read from the folder itself rather than
         * the classpath: run on its own ({@code mvn -pl architecture-tests verify}), the classpath holds
         * the jars of a local repository instead, which may be stale.
         */
        private static Path mainClasses(String module) {
            Path classes = ROOT.resolve(module).resolve(System.getProperty("twofold.target", "target")).resolve("classes");
            if (!Files.isDirectory(classes)) {
                throw new IllegalStateException(classes + " does not exist: build the modules first (mvn install)");
            }
            return classes;
        }

        private static Path findProjectRoot() {
            try {
                Path here = Path.of(RealModules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                for (Path dir = here; dir != null; dir = dir.getParent()) {
                    if (Files.isRegularFile(dir.resolve("mfa-domain").resolve("pom.xml"))) {
                        return dir;
                    }
                }
                throw new IllegalStateException("no Twofold checkout above " + here);
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot locate the architecture tests", e);
            }
        }
    }
}
