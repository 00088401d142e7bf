package cn.jxquality.platform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The platform is infrastructure only: it knows no service and none of their domains. */
class PlatformArchitectureTest {

    static final JavaClasses PLATFORM = ArchitectureRules.mainClassesOf("cn.jxquality.platform");

    @Test
    void knowsNoService() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ArchitectureRules.SERVICES.stream()
                        .map(service -> service + "..")
                        .toArray(String[]::new))
                .check(PLATFORM);
    }

    @Test
    void itsPartsAreFreeOfCycles() {
        ArchitectureRules.featuresFreeOfCycles("cn.jxquality.platform").check(PLATFORM);
    }
}
