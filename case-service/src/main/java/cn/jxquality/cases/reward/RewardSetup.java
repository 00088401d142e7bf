package cn.jxquality.cases.reward;

import cn.jxquality.cases.deadline.CaseDeadlines;
import cn.jxquality.platform.seed.SeedFiles;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads the reward rules from the seeds and hands out the plain reward classes built on them. */
@ApplicationScoped
public class RewardSetup {

    private final SeedFiles seeds;
    private final String rulesFile;

    RewardSetup(
            SeedFiles seeds,
            @ConfigProperty(name = "rewards.rules-file", defaultValue = "reward-rules.yaml") String rulesFile) {
        this.seeds = seeds;
        this.rulesFile = rulesFile;
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
        return new RewardStateMachine(deadlines.calendar(), rules);
    }
}
