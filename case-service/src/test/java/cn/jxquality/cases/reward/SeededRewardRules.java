package cn.jxquality.cases.reward;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's real {@code seeds/reward-rules.yaml}, as every reward test uses it. */
final class SeededRewardRules {

    static final Path FILE = Path.of("..", "seeds", "reward-rules.yaml");

    static final RewardRules RULES = load();

    private SeededRewardRules() {}

    private static RewardRules load() {
        try (InputStream yaml = Files.newInputStream(FILE)) {
            return RewardRules.fromYaml(yaml);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
