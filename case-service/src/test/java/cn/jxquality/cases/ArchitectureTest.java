package cn.jxquality.cases;

import cn.jxquality.platform.architecture.ServiceArchitecture;

/**
 * case-service's structure (STYLE.md): features without cycles, plain domain rules, thin resources, entities
 * kept in their feature, no other service's code; the tests are platform's {@link ServiceArchitecture}.
 */
class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super(
                "cn.jxquality.cases",
                "cn.jxquality.cases.handling.CaseStateMachine",
                "cn.jxquality.cases.handling.ResolutionRules",
                "cn.jxquality.cases.deadline.CaseDeadlines",
                "cn.jxquality.cases.reward.RewardStateMachine",
                "cn.jxquality.cases.reward.RewardCalculator",
                "cn.jxquality.cases.reward.FirstReporterRule",
                "cn.jxquality.cases.routing.RoutingTable",
                "cn.jxquality.cases.risk.RiskRule",
                "cn.jxquality.cases.calendar.CalendarFile");
    }
}
