package io.twofold.mfa.architecture;

import com.tngtech.archunit.core.importer.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The classpath roots that hold a package, asked of the class loader directly. ArchUnit's
 * importPackages scans every jar on the classpath (Netty, H2, Bouncy Castle...) to find them,
 * which costs seconds; our modules' jars and class folders all carry directory entries.
 */
final class PackageLocations {

    private PackageLocations() {
    }

    static Set<Location> of(String packageName) {
        try {
            return Collections.list(PackageLocations.class.getClassLoader().getResources(packageName.replace('.', '/')))
                    .stream()
                    .map(Location::of)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the classpath roots of " + packageName, e);
        }
    }
}
