package cn.jxquality.cases.routing;

/**
 * One row of the routing table: a case of {@code kind} (or any kind) whose category starts with
 * {@code categoryPrefix} and whose region starts with {@code regionPrefix} goes to {@code departmentCode}.
 */
public record RoutingRule(String id, String kind, String categoryPrefix, String regionPrefix, String departmentCode) {

    public static final String ANY_KIND = "ANY";

    boolean matches(String caseKind, String category, String regionCode) {
        return (ANY_KIND.equals(kind) || kind.equals(caseKind))
                && category.startsWith(categoryPrefix)
                && regionCode.startsWith(regionPrefix);
    }
}
