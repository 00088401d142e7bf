package cn.jxquality.complaint.open311;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.jxquality.complaint.reference.ReferenceData.Region;
import cn.jxquality.platform.problem.Problem.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Points to regions over the seeded seats: the nearest county-level seat, never a city's. */
class RegionLocatorTest {

    private final RegionLocator locator = new RegionLocator(seededRegions());

    @Test
    void aPointMapsToTheCountyWhoseSeatIsNearest() {
        assertEquals("360102", nearest("28.68", "115.89")); // 东湖区's seat
        assertEquals("360424", nearest("29.03", "114.57")); // 修水县, 210 km west of Jiujiang
        assertEquals("360521", nearest("27.80", "114.69")); // 分宜县, not 新余市
    }

    @Test
    void aCityThatSharesItsSeatWithADistrictGivesWayToTheDistrict() {
        assertEquals("360502", nearest("27.82", "114.92")); // 新余市 and 渝水区 share the seat
        assertEquals("360802", nearest("27.11", "114.99")); // 吉安市 and 吉州区 likewise
    }

    @Test
    void pointsOutsideJiangxiOrUnreadableAreViolationsNamingLat() {
        for (String[] point : new String[][] {{"39.90", "116.40"}, {"north", "east"}, {"", "115.89"}}) {
            List<Violation> violations = new ArrayList<>();
            assertNull(locator.nearest(point[0], point[1], violations));
            assertEquals("lat", violations.get(0).field());
        }
    }

    private String nearest(String lat, String lon) {
        List<Violation> violations = new ArrayList<>();
        String code = locator.nearest(lat, lon, violations);
        assertEquals(List.of(), violations);
        return code;
    }

    private static List<Region> seededRegions() {
        try (var csv = Files.newInputStream(Path.of("..", "seeds", "regions", "jiangxi-regions.csv"))) {
            return cn.jxquality.complaint.reference.ReferenceDataAccess.load(csv);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
