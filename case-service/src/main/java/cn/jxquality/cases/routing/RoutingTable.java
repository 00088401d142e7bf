package cn.jxquality.cases.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides the responsible department. Jurisdiction follows where the business operates; the most specific
 * matching rule wins: the longest region prefix (county before city before province), then the longest
 * category prefix, then a rule for the case's own kind over one for any kind, then the lowest id.
 * No match means the supervisors triage the case by hand.
 */
public final class RoutingTable {

    static final Comparator<RoutingRule> MOST_SPECIFIC_FIRST = Comparator.<RoutingRule>comparingInt(
                    r -> -r.regionPrefix().length())
            .thenComparingInt(r -> -r.categoryPrefix().length())
            .thenComparing(r -> RoutingRule.ANY_KIND.equals(r.kind()))
            .thenComparing(RoutingRule::id);

    private final List<RoutingRule> rules;

    public RoutingTable(List<RoutingRule> rules) {
        this.rules = rules.stream().sorted(MOST_SPECIFIC_FIRST).toList();
    }

    /** The rule that decides, or empty when the case needs triage. */
    public Optional<RoutingRule> route(String kind, String category, String regionCode) {
        if (kind == null || category == null || regionCode == null) {
            return Optional.empty();
        }
        return rules.stream()
                .filter(rule -> rule.matches(kind, category, regionCode))
                .findFirst();
    }

    /** The rule that decides among those not sending the case to {@code excludedDepartment}, e.g. after a transfer. */
    public Optional<RoutingRule> routeElsewhere(
            String kind, String category, String regionCode, String excludedDepartment) {
        if (kind == null || category == null || regionCode == null) {
            return Optional.empty();
        }
        return rules.stream()
                .filter(rule -> !rule.departmentCode().equals(excludedDepartment))
                .filter(rule -> rule.matches(kind, category, regionCode))
                .findFirst();
    }

    public int size() {
        return rules.size();
    }
}
