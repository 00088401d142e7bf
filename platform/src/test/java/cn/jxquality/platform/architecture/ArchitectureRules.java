package cn.jxquality.platform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The structure every service keeps (STYLE.md "Layout"), as ArchUnit rules each service's {@code ArchitectureTest}
 * applies to its own main classes; a rule broken fails the build with the offending dependencies named.
 */
public final class ArchitectureRules {

    /** The suite's services, by their base packages. */
    static final List<String> SERVICES = List.of("cn.jxquality.complaint", "cn.jxquality.cases", "cn.jxquality.notify");

    /** What a plain domain rule must not lean on: frameworks, the database, the wire. */
    static final String[] FRAMEWORKS = {
        "io.quarkus..",
        "jakarta..",
        "io.vertx..",
        "io.smallrye..",
        "org.hibernate..",
        "org.eclipse.microprofile..",
        "com.fasterxml..",
        "org.jboss.."
    };

    private ArchitectureRules() {}

    /** The service's own production classes (no tests, no jars). */
    public static JavaClasses mainClassesOf(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    /** Feature packages ({@code base.intake}, {@code base.status}, …) depend on each other without cycles. */
    public static ArchRule featuresFreeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..")
                .namingSlices("feature $1")
                .should()
                .beFreeOfCycles();
    }

    /**
     * Plain domain rules (state machines, calendars, amounts, checks), named in full (many are package-private), and
     * their nested classes are free of framework imports.
     */
    public static ArchRule domainRulesAreFrameworkFree(String... domainRules) {
        String names = Arrays.stream(domainRules).map(Pattern::quote).collect(Collectors.joining("|"));
        return noClasses()
                .that()
                .haveNameMatching("(" + names + ")(\\$.*)?")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .because("a domain rule is tested without Quarkus and reads the same outside it");
    }

    /** A resource calls a service: it never reaches the database itself. */
    public static ArchRule resourcesCallServicesNotStorage(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage + "..")
                .and()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Repository")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("io.vertx.mutiny.sqlclient..", "io.vertx.sqlclient..", "org.hibernate.reactive..")
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo("io.quarkus.hibernate.reactive.panache.PanacheEntityBase")
                .because("a resource speaks HTTP; what it reads and writes is a service's business");
    }

    /**
     * An entity's public fields are its feature's business: no class of another feature package reads or writes them
     * (it asks the feature's service or query for a view). An entity other features use (case-service's {@code
     * CaseFile}) keeps its fields to its package and offers accessors and intention-revealing methods instead.
     */
    public static ArchRule entitiesStayInTheirFeature(String basePackage) {
        ArchCondition<JavaClass> notTouchOthersEntities =
                new ArchCondition<>("not touch the fields of another feature's entity") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (JavaFieldAccess access : origin.getFieldAccessesFromSelf()) {
                            JavaClass owner = access.getTargetOwner();
                            if (owner.isAnnotatedWith("jakarta.persistence.Entity")
                                    && !featureOf(basePackage, owner).equals(featureOf(basePackage, origin))) {
                                events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                            }
                        }
                    }
                };
        return classes()
                .that()
                .resideInAPackage(basePackage + "..")
                .should(notTouchOthersEntities)
                .allowEmptyShould(true);
    }

    /** {@code cn.jxquality.cases.reward.payout.Payouts} → {@code reward}. */
    static String featureOf(String basePackage, JavaClass type) {
        String rest =
                type.getPackageName().substring(Math.min(type.getPackageName().length(), basePackage.length() + 1));
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** A service never imports another service's code (events and REST contracts only). */
    public static ArchRule noOtherServicesCode(String basePackage) {
        String[] others = SERVICES.stream()
                .filter(other -> !other.equals(basePackage))
                .map(other -> other + "..")
                .toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage(basePackage + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others);
    }
}
