package cn.jxquality.complaint.open311;

import cn.jxquality.complaint.reference.ReferenceData.Region;
import cn.jxquality.platform.problem.Problem.Violation;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A point in Jiangxi to the county-level region whose seeded seat is nearest (cities only when no county has a
 * seat). A city shares its seat with one of its districts (新余市 and 渝水区, say): the district is the region a
 * department is responsible for, so cities do not compete with counties; equal distances go to the lower code.
 */
final class RegionLocator {

    // Jiangxi's extent, a little generous: points outside are not ours to handle
    static final double MIN_LAT = 24.4;
    static final double MAX_LAT = 30.2;
    static final double MIN_LON = 113.5;
    static final double MAX_LON = 118.6;

    private final List<Region> seated;
    private final Map<String, Region> byCode;

    RegionLocator(List<Region> regions) {
        this.byCode = regions.stream().collect(Collectors.toUnmodifiableMap(Region::code, r -> r));
        List<Region> withSeat = regions.stream()
                .filter(r -> r.seatLat() != null && r.seatLon() != null)
                .sorted(Comparator.comparing(Region::code))
                .toList();
        List<Region> counties =
                withSeat.stream().filter(r -> "COUNTY".equals(r.level())).toList();
        this.seated = counties.isEmpty()
                ? withSeat.stream().filter(r -> "CITY".equals(r.level())).toList()
                : counties;
    }

    /** The nearest seated region's code, or null with a violation naming lat/long. */
    String nearest(String lat, String lon, List<Violation> violations) {
        if (lat == null || lon == null || lat.isBlank() || lon.isBlank()) {
            violations.add(new Violation("lat", "lat and long, or attribute[region_code], are required"));
            return null;
        }
        double latitude;
        double longitude;
        try {
            latitude = Double.parseDouble(lat.strip());
            longitude = Double.parseDouble(lon.strip());
        } catch (NumberFormatException e) {
            violations.add(new Violation("lat", "lat and long must be decimal degrees"));
            return null;
        }
        if (!(latitude >= MIN_LAT && latitude <= MAX_LAT && longitude >= MIN_LON && longitude <= MAX_LON)) {
            violations.add(new Violation("lat", "the point is outside Jiangxi"));
            return null;
        }
        double cosLat = Math.cos(Math.toRadians(latitude));
        return seated.stream()
                .min(Comparator.comparingDouble(
                        r -> squared(r.seatLat() - latitude) + squared((r.seatLon() - longitude) * cosLat)))
                .map(Region::code)
                .orElse(null);
    }

    /** The region, or the nearest above it, that has a seat: where a request about {@code code} is shown. */
    Optional<Region> seatOf(String code) {
        Region region = code == null ? null : byCode.get(code);
        for (int depth = 0; region != null && depth < 4; depth++) {
            if (region.seatLat() != null && region.seatLon() != null) {
                return Optional.of(region);
            }
            region = region.parent() == null ? null : byCode.get(region.parent());
        }
        return Optional.empty();
    }

    private static double squared(double d) {
        return d * d;
    }
}
