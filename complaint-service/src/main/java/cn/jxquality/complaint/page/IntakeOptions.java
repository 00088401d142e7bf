package cn.jxquality.complaint.page;

import cn.jxquality.complaint.intake.IdType;
import cn.jxquality.complaint.intake.Remedy;
import cn.jxquality.complaint.reference.ReferenceData;
import cn.jxquality.complaint.reference.ReferenceData.Category;
import cn.jxquality.complaint.reference.ReferenceData.Region;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The choices of the intake form in each language: categories grouped by field of quality, regions grouped by city
 * (the province first), remedies and ID documents. Built once per language from the seeds.
 */
@ApplicationScoped
public class IntakeOptions {

    /** One choice. */
    public record Option(String value, String label) {}

    /** Choices under a heading ({@code label} null: no heading). */
    public record Group(String label, List<Option> options) {}

    /** Everything the form offers, in one language. */
    public record Choices(List<Group> categories, List<Group> regions, List<Group> remedies, List<Group> idTypes) {}

    private final ReferenceData reference;
    private final Texts texts;
    private final Map<Language, Choices> byLanguage = new EnumMap<>(Language.class);

    IntakeOptions(ReferenceData reference, Texts texts) {
        this.reference = reference;
        this.texts = texts;
    }

    public synchronized Choices in(Language language) {
        return byLanguage.computeIfAbsent(language, this::build);
    }

    /** A category's name, e.g. {@code 产品质量 · 食品}, or the code when unknown. */
    public String categoryName(String code, Language language) {
        return reference.categories().stream()
                .filter(c -> c.code().equals(code))
                .findFirst()
                .map(c -> parentName(c, language).map(p -> p + " · ").orElse("") + name(c, language))
                .orElse(code);
    }

    /** A region's name with its city, e.g. {@code 南昌市 东湖区}, or the code when unknown. */
    public String regionName(String code, Language language) {
        return reference
                .region(code)
                .map(r -> (r.level().equals("COUNTY")
                                ? reference
                                        .region(r.parent())
                                        .map(p -> name(p, language) + " ")
                                        .orElse("")
                                : "")
                        + name(r, language))
                .orElse(code);
    }

    /** A department's name, e.g. {@code 南昌市市场监督管理局}, or the code when unknown. */
    public String departmentName(String code, Language language) {
        return reference
                .department(code)
                .map(d -> language == Language.EN ? d.nameEn() : d.nameZh())
                .orElse(code);
    }

    /** Every department as a choice (assignment, transfer), in the seeds' order. */
    public List<Option> departments(Language language) {
        return reference.departments().stream()
                .map(d -> new Option(d.code(), language == Language.EN ? d.nameEn() : d.nameZh()))
                .toList();
    }

    private Choices build(Language language) {
        CommonMessages messages = texts.common(language);
        List<Option> remedies = Arrays.stream(Remedy.values())
                .map(r -> new Option(r.name(), messages.remedy(r)))
                .toList();
        List<Option> idTypes = Arrays.stream(IdType.values())
                .map(t -> new Option(t.name(), messages.idType(t)))
                .toList();
        return new Choices(
                categories(language),
                regions(language),
                List.of(new Group(null, remedies)),
                List.of(new Group(null, idTypes)));
    }

    private List<Group> categories(Language language) {
        List<Group> groups = new ArrayList<>();
        for (Category top : reference.categories()) {
            if (top.parent() != null) {
                continue;
            }
            List<Option> children = reference.categories().stream()
                    .filter(c -> top.code().equals(c.parent()))
                    .map(c -> new Option(c.code(), name(c, language)))
                    .toList();
            groups.add(new Group(name(top, language), children));
        }
        return groups;
    }

    private List<Group> regions(Language language) {
        List<Region> all = reference.regions().stream()
                .sorted((a, b) -> a.code().compareTo(b.code()))
                .toList();
        List<Group> groups = new ArrayList<>();
        for (Region region : all) {
            if (region.level().equals("PROVINCE")) {
                groups.add(
                        new Group(name(region, language), List.of(new Option(region.code(), name(region, language)))));
            } else if (region.level().equals("CITY")) {
                List<Option> options = new ArrayList<>();
                options.add(
                        new Option(region.code(), texts.common(language).region_whole_city(name(region, language))));
                all.stream()
                        .filter(r -> region.code().equals(r.parent()))
                        .forEach(r -> options.add(new Option(r.code(), name(r, language))));
                groups.add(new Group(name(region, language), options));
            }
        }
        return groups;
    }

    private Optional<String> parentName(Category category, Language language) {
        return reference.categories().stream()
                .filter(c -> c.code().equals(category.parent()))
                .findFirst()
                .map(c -> name(c, language));
    }

    private static String name(Category category, Language language) {
        return language == Language.EN ? category.nameEn() : category.nameZh();
    }

    private static String name(Region region, Language language) {
        return language == Language.EN ? region.nameEn() : region.nameZh();
    }
}
