package cn.jxquality.platform.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The structure every service keeps (STYLE.md), as the tests a service's {@code ArchitectureTest} inherits: it names
 * its base package and its plain domain rules, the rules are {@link ArchitectureRules}'.
 */
public abstract class ServiceArchitecture {

    /** The classes of each service, imported once per test run (JUnit makes an instance per test). */
    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private final String basePackage;
    private final List<String> domainRules;

    /**
     * @param domainRules the service's plain domain rules (state machines, calendars, amounts, checks), named in full:
     *     many are package-private
     */
    protected ServiceArchitecture(String basePackage, String... domainRules) {
        this.basePackage = basePackage;
        this.domainRules = List.of(domainRules);
    }

    private JavaClasses main() {
        return IMPORTED.computeIfAbsent(basePackage, ArchitectureRules::mainClassesOf);
    }

    @Test
    void featuresAreFreeOfCycles() {
        ArchitectureRules.featuresFreeOfCycles(basePackage).check(main());
    }

    @Test
    void domainRulesAreFrameworkFree() {
        ArchitectureRules.domainRulesAreFrameworkFree(domainRules.toArray(String[]::new))
                .check(main());
    }

    @Test
    void resourcesCallServicesNotStorage() {
        ArchitectureRules.resourcesCallServicesNotStorage(basePackage).check(main());
    }

    @Test
    void entitiesStayInTheirFeature() {
        ArchitectureRules.entitiesStayInTheirFeature(basePackage).check(main());
    }

    @Test
    void noOtherServicesCode() {
        ArchitectureRules.noOtherServicesCode(basePackage).check(main());
    }
}
