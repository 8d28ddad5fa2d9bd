package io.twofold.mfa.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Rule 1: the domain is plain Java plus vavr, and it only learns the time from an injected Clock. */
final class DomainRules {

    private DomainRules() {
    }

    /** The domain module: everything under the root except the adapters and the application. */
    static DescribedPredicate<JavaClass> inTheDomain(TwofoldPackages p) {
        return resideInAPackage(p.all()).and(not(resideInAnyPackage(p.outsideTheDomain())))
                .as("the domain (%s outside %s)", p.all(), String.join(", ", p.outsideTheDomain()));
    }

    static ArchRule domainDependsOnlyOnTheJdkAndVavr(TwofoldPackages p) {
        DescribedPredicate<JavaClass> jdk = resideInAnyPackage("java..", "javax.crypto..")
                .and(not(resideInAnyPackage("java.sql..", "java.util.logging..")))
                .and(not(belongToAnyOf(System.Logger.class)))
                .as("the JDK (java.. without java.sql, logging) or javax.crypto");
        return classes().that(inTheDomain(p))
                .should().onlyDependOnClassesThat(jdk.or(resideInAnyPackage("io.vavr..")).or(inTheDomain(p)))
                .as("the domain depends only on the JDK, javax.crypto, vavr and itself")
                .because("the domain must compile with the JDK and vavr alone: no framework, SQL, JSON or logging");
    }

    static ArchRule domainDoesNotReadTheAmbientClock(TwofoldPackages p) {
        return noClasses().that(inTheDomain(p))
                .should().accessTargetWhere(readsTheAmbientClock())
                .as("the domain does not read the ambient clock")
                .because("time comes from an injected java.time.Clock, so every expiry and window is testable");
    }

    /**
     * Calls and method references that read the wall clock: {@code X.now()} in java.time without a
     * Clock argument, System.currentTimeMillis()/nanoTime(), the system clocks (Clock.systemUTC(),
     * Clock.tickSeconds(zone)...), {@code new Date()}, Calendar.getInstance().
     */
    static DescribedPredicate<JavaAccess<?>> readsTheAmbientClock() {
        return DescribedPredicate.describe("reads the ambient clock", DomainRules::isAmbientClockAccess);
    }

    private static final Set<String> SYSTEM_CLOCKS =
            Set.of("system", "systemUTC", "systemDefaultZone", "tickMillis", "tickSeconds", "tickMinutes");

    private static boolean isAmbientClockAccess(JavaAccess<?> access) {
        if (!(access.getTarget() instanceof CodeUnitAccessTarget target)) {
            return false;
        }
        String owner = target.getOwner().getName();
        String name = target.getName();
        List<JavaClass> parameters = target.getRawParameterTypes();
        boolean takesAClock = parameters.stream().anyMatch(type -> type.getName().equals(Clock.class.getName()));
        return owner.startsWith("java.time.") && name.equals("now") && !takesAClock
                || owner.equals("java.time.Clock") && SYSTEM_CLOCKS.contains(name)
                || owner.equals("java.time.InstantSource") && name.equals("system")
                || owner.equals("java.lang.System") && (name.equals("currentTimeMillis") || name.equals("nanoTime"))
                || owner.equals("java.util.Date") && name.equals("<init>") && parameters.isEmpty()
                || owner.equals("java.util.Calendar") && name.equals("getInstance");
    }
}
