package cn.jxquality.platform.sql;

import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement written with named parameters ({@code #{trackingNumber}}) instead of a long run of {@code $1 … $33},
 * translated once into PostgreSQL's positional form; a name used twice is one parameter. The values come as a map
 * (nulls allowed) and must name exactly the statement's parameters, so a misspelt or forgotten one fails at once.
 *
 * <p>Vert.x's {@code SqlTemplate} does the same but cannot take the pool Quarkus injects (a CDI client proxy,
 * quarkusio/quarkus#39659) nor a batch built elsewhere; this plain translation works with {@code preparedQuery},
 * {@code executeBatch} and a Hibernate Reactive session's connection alike.
 */
public final class NamedStatement {

    private static final Pattern PARAMETER = Pattern.compile("#\\{(\\w+)}");

    private final String sql;
    private final List<String> names;

    private NamedStatement(String sql, List<String> names) {
        this.sql = sql;
        this.names = names;
    }

    public static NamedStatement of(String named) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(named);
        StringBuilder positional = new StringBuilder();
        while (matcher.find()) {
            int index = names.indexOf(matcher.group(1));
            if (index < 0) {
                names.add(matcher.group(1));
                index = names.size() - 1;
            }
            matcher.appendReplacement(positional, "\\$" + (index + 1));
        }
        matcher.appendTail(positional);
        return new NamedStatement(positional.toString(), List.copyOf(names));
    }

    /** The statement with {@code $n} placeholders, as the client prepares it. */
    public String sql() {
        return sql;
    }

    /** The parameters' names in {@code $n} order. */
    public List<String> names() {
        return names;
    }

    /** The values in {@code $n} order (on the intake path: no work beyond the lookups when the names agree). */
    public Tuple tuple(Map<String, ?> values) {
        Tuple tuple = Tuple.tuple();
        for (String name : names) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value for #{" + name + "}");
            }
            tuple.addValue(values.get(name));
        }
        if (values.size() != names.size()) {
            Set<String> unknown = new HashSet<>(values.keySet());
            names.forEach(unknown::remove);
            throw new IllegalArgumentException("the statement has no parameter " + unknown);
        }
        return tuple;
    }
}
