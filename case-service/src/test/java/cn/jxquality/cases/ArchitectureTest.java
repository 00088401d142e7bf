package cn.jxquality.cases;

import cn.jxquality.platform.architecture.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** case-service's structure (STYLE.md): features without cycles, plain domain rules, thin resources. */
class ArchitectureTest {

    static final String BASE = "cn.jxquality.cases";
    static final JavaClasses MAIN = ArchitectureRules.mainClassesOf(BASE);

    @Test
    void featuresAreFreeOfCycles() {
        ArchitectureRules.featuresFreeOfCycles(BASE).check(MAIN);
    }

    @Test
    void domainRulesAreFrameworkFree() {
        ArchitectureRules.domainRulesAreFrameworkFree(
                        "cn.jxquality.cases.handling.CaseStateMachine",
                        "cn.jxquality.cases.handling.ResolutionRules",
                        "cn.jxquality.cases.deadline.CaseDeadlines",
                        "cn.jxquality.cases.deadline.WorkingDayCalendar",
                        "cn.jxquality.cases.deadline.NewMoon",
                        "cn.jxquality.cases.reward.RewardStateMachine",
                        "cn.jxquality.cases.reward.RewardCalculator",
                        "cn.jxquality.cases.reward.FirstReporterRule",
                        "cn.jxquality.cases.routing.RoutingTable",
                        "cn.jxquality.cases.risk.RiskRule")
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
