package cn.jxquality.complaint.reference;

import cn.jxquality.platform.seed.SeedFiles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Jiangxi's administrative regions and the two-level complaint categories, loaded from the seeds. */
@Startup
@ApplicationScoped
public class ReferenceData {

    static final String REGIONS = "regions/jiangxi-regions.csv";
    static final String CATEGORIES = "categories.yaml";
    static final String DEPARTMENTS = "departments.yaml";

    private final Map<String, Region> regions;
    private final Map<String, Category> categories;
    private final Map<String, Department> departments;

    ReferenceData(SeedFiles seeds) {
        this.regions = loadRegions(seeds.open(REGIONS));
        this.categories = loadCategories(seeds.open(CATEGORIES));
        this.departments = loadDepartments(seeds.open(DEPARTMENTS));
        Log.infof(
                "Loaded %d regions, %d categories and %d departments from the seeds",
                regions.size(), categories.size(), departments.size());
    }

    /** A second-level category such as {@code PRODUCT.FOOD}; top-level codes alone are too vague to route. */
    public boolean isKnownCategory(String code) {
        Category category = code == null ? null : categories.get(code);
        return category != null && category.parent() != null;
    }

    public boolean isKnownRegion(String code) {
        return code != null && regions.containsKey(code);
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(code == null ? null : regions.get(code));
    }

    /** A department of the directory, by its code (e.g. {@code 360100-AMR}), for naming it to citizens and staff. */
    public Optional<Department> department(String code) {
        return Optional.ofNullable(code == null ? null : departments.get(code));
    }

    /** Every department of the directory, by code. */
    public List<Department> departments() {
        return departments.values().stream()
                .sorted(java.util.Comparator.comparing(Department::code))
                .toList();
    }

    public List<Category> categories() {
        return List.copyOf(categories.values());
    }

    public List<Region> regions() {
        return List.copyOf(regions.values());
    }

    /** One administrative division; {@code seatLat}/{@code seatLon} are null where no seat is known yet. */
    public record Region(
            String code, String nameZh, String nameEn, String level, String parent, Double seatLat, Double seatLon) {}

    /** One department of the directory (case-service routes to them; this service only names them). */
    public record Department(String code, String nameZh, String nameEn) {}

    /** One category; {@code parent} is null for the top level. */
    public record Category(String code, String nameZh, String nameEn, String parent) {}

    static Map<String, Region> loadRegions(InputStream csv) {
        Map<String, Region> byCode = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                byCode.put(f[0], new Region(f[0], f[1], f[2], f[3], blankToNull(f[4]), decimal(f[5]), decimal(f[6])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(byCode);
    }

    static Map<String, Category> loadCategories(InputStream yaml) {
        ObjectMapper mapper =
                new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try (yaml) {
            CategoryFile file = mapper.readValue(yaml, CategoryFile.class);
            Map<String, Category> byCode = new LinkedHashMap<>();
            for (CategoryNode top : file.categories()) {
                byCode.put(top.code(), new Category(top.code(), top.nameZh(), top.nameEn(), null));
                for (CategoryNode child : Optional.ofNullable(top.children()).orElse(List.of())) {
                    byCode.put(child.code(), new Category(child.code(), child.nameZh(), child.nameEn(), top.code()));
                }
            }
            return byCode;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Department> loadDepartments(InputStream yaml) {
        ObjectMapper mapper =
                new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try (yaml) {
            Map<String, Department> byCode = new LinkedHashMap<>();
            for (Department department :
                    mapper.readValue(yaml, DepartmentFile.class).departments()) {
                byCode.put(department.code(), department);
            }
            return Map.copyOf(byCode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }

    private static Double decimal(String s) {
        return s.isBlank() ? null : Double.valueOf(s);
    }

    record CategoryFile(List<CategoryNode> categories) {}

    record DepartmentFile(List<Department> departments) {}

    record CategoryNode(String code, String nameZh, String nameEn, List<CategoryNode> children) {}
}
