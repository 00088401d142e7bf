package cn.jxquality.cases.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.platform.seed.SeedFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingTableTest {

    /** The repository's real seeds, read the way the service reads them. */
    static final SeedFiles SEEDS = () -> Optional.of(Path.of("..", "seeds"));

    static final RoutingTable SEEDED = new RoutingTable(RoutingSeeds.rules(SEEDS));

    @ParameterizedTest(name = "{0} {1} in {2} → {3}")
    @CsvSource({
        // a Nanchang county with its own market-regulation bureau
        "COMPLAINT, PRODUCT.FOOD,              360102, 360102-AMR",
        "REPORT,    COUNTERFEIT.TRADEMARK,     360111, 360111-AMR",
        // county without its own housing bureau: falls back to the city
        "COMPLAINT, ENGINEERING.HOUSING,       360102, 360100-HUD",
        // transport and tourism services go to the city's agencies even from a county
        "COMPLAINT, SERVICE.TRANSPORT,         360102, 360100-TRA",
        "COMPLAINT, SERVICE.TOURISM,           360702, 360700-CTB",
        // a Jiujiang county has no county departments in the seeds: its city decides
        "COMPLAINT, PRODUCT.FOOD,              360403, 360400-AMR",
        // the city itself
        "REPORT,    ENVIRONMENT.WATER,         360700, 360700-EEB",
        // the province
        "COMPLAINT, PRODUCT.FOOD,              360000, 360000-AMR",
        "COMPLAINT, ENGINEERING.WATER_CONSERVANCY, 361100, 361100-WRB"
    })
    void routesTheSeededTable(String kind, String category, String region, String expected) {
        assertEquals(
                expected,
                SEEDED.route(kind, category, region)
                        .map(RoutingRule::departmentCode)
                        .orElse("TRIAGE"));
    }

    @Test
    void whatMatchesNothingGoesToTriage() {
        assertTrue(SEEDED.route("COMPLAINT", "PRODUCT.FOOD", "440300").isEmpty(), "outside Jiangxi");
        assertTrue(SEEDED.route("COMPLAINT", "ASTROLOGY.HOROSCOPE", "360102").isEmpty(), "unknown category");
        assertTrue(SEEDED.route(null, "PRODUCT.FOOD", "360102").isEmpty(), "no kind");
    }

    @Test
    void everySeededRuleNamesASeededDepartment() {
        Set<String> departments = RoutingSeeds.departments(SEEDS).stream()
                .map(RoutingSeeds.DepartmentSeed::code)
                .collect(Collectors.toSet());
        RoutingSeeds.rules(SEEDS)
                .forEach(rule -> assertTrue(
                        departments.contains(rule.departmentCode()), rule.id() + " → " + rule.departmentCode()));
    }

    @Test
    void theMostSpecificRuleWinsWhateverTheOrder() {
        List<RoutingRule> rules = List.of(
                new RoutingRule("R3", "ANY", "PRODUCT", "36", "360000-AMR"),
                new RoutingRule("R2", "ANY", "PRODUCT", "3601", "360100-AMR"),
                new RoutingRule("R1", "ANY", "PRODUCT.FOOD", "3601", "360100-FOOD"),
                new RoutingRule("R4", "REPORT", "PRODUCT", "3601", "360100-INSPECT"));
        RoutingTable table = new RoutingTable(rules);
        assertEquals(
                "R1",
                table.route("COMPLAINT", "PRODUCT.FOOD", "360102").orElseThrow().id());
        assertEquals(
                "R4",
                table.route("REPORT", "PRODUCT.DRUG", "360102").orElseThrow().id());
        assertEquals(
                "R2",
                table.route("COMPLAINT", "PRODUCT.DRUG", "360102").orElseThrow().id());
        assertEquals(
                "R3",
                table.route("COMPLAINT", "PRODUCT.DRUG", "360702").orElseThrow().id());
    }
}
