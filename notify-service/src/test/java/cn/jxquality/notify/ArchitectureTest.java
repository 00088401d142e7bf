package cn.jxquality.notify;

import cn.jxquality.platform.architecture.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** notify-service's structure (STYLE.md): features without cycles, plain domain rules, thin resources. */
class ArchitectureTest {

    static final String BASE = "cn.jxquality.notify";
    static final JavaClasses MAIN = ArchitectureRules.mainClassesOf(BASE);

    @Test
    void featuresAreFreeOfCycles() {
        ArchitectureRules.featuresFreeOfCycles(BASE).check(MAIN);
    }

    @Test
    void domainRulesAreFrameworkFree() {
        ArchitectureRules.domainRulesAreFrameworkFree(
                        "cn.jxquality.notify.delivery.Backoff", "cn.jxquality.notify.sms.QuietHours")
                .check(MAIN);
    }

    @Test
    void resourcesCallServicesNotStorage() {
        ArchitectureRules.resourcesCallServicesNotStorage(BASE).check(MAIN);
    }

    @Test
    void entitiesStayInTheirFeature() {
        ArchitectureRules.entitiesStayInTheirFeature(BASE).check(MAIN);
    }

    @Test
    void noOtherServicesCode() {
        ArchitectureRules.noOtherServicesCode(BASE).check(MAIN);
    }
}
