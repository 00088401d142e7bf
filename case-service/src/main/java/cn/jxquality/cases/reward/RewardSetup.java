package cn.jxquality.cases.reward;

import cn.jxquality.cases.deadline.CaseDeadlines;
import cn.jxquality.platform.seed.SeedFiles;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Reads the reward rules from the seeds and hands out the plain reward classes built on them. */
@ApplicationScoped
public class RewardSetup {

    private final SeedFiles seeds;
    private final String rulesFile;

    RewardSetup(SeedFiles seeds, RewardsConfig config) {
        this.seeds = seeds;
        this.rulesFile = config.rulesFile();
    }

    @Produces
    @Singleton
    RewardRules rules() {
        RewardRules rules = RewardRules.fromYaml(seeds.open(rulesFile));
        Log.infof(
                "Reward rules loaded from %s: %d levels",
                rulesFile, rules.levels().size());
        return rules;
    }

    @Produces
    @Singleton
    RewardCalculator calculator(RewardRules rules) {
        return new RewardCalculator(rules);
    }

    @Produces
    @Singleton
    FirstReporterRule firstReporterRule(RewardRules rules) {
        return new FirstReporterRule(rules);
    }

    @Produces
    @Singleton
    RewardStateMachine stateMachine(CaseDeadlines deadlines, RewardRules rules) {
        return new RewardStateMachine(deadlines::calendar, rules);
    }
}
