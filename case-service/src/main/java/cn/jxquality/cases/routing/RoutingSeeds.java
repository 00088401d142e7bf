package cn.jxquality.cases.routing;

import cn.jxquality.platform.seed.SeedFiles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads the department directory and the routing rules from {@code seeds/}. */
final class RoutingSeeds {

    static final String DEPARTMENTS = "departments.yaml";
    static final String RULES = "routing-rules.yaml";

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private RoutingSeeds() {}

    static List<DepartmentSeed> departments(SeedFiles seeds) {
        return read(seeds.open(DEPARTMENTS), DepartmentFile.class).departments();
    }

    static List<RoutingRule> rules(SeedFiles seeds) {
        return read(seeds.open(RULES), RuleFile.class).rules();
    }

    private static <T> T read(InputStream in, Class<T> type) {
        try (in) {
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record DepartmentSeed(String code, String nameZh, String nameEn, String regionCode, String agency) {}

    record DepartmentFile(List<DepartmentSeed> departments) {}

    record RuleFile(List<RoutingRule> rules) {}
}
