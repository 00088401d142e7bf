package cn.jxquality.cases.routing;

import cn.jxquality.platform.problem.NotReady;
import cn.jxquality.platform.seed.SeedFiles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The department directory and the routing table, loaded from the seeds into the database at start-up and on
 * an administrator's reload (upsert; rules gone from the seeds are deleted), and held in memory for routing.
 * Every replica re-reads the rules from the database every {@code routing.refresh-every}, so a reload on one
 * reaches all without a release or a restart.
 */
@ApplicationScoped
public class RoutingDirectory {

    static final String UPSERT_DEPARTMENT = """
            insert into department (code, name_zh, name_en, region_code, agency) values ($1, $2, $3, $4, $5)
            on conflict (code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en,
              region_code = excluded.region_code, agency = excluded.agency""";
    static final String UPSERT_RULE = """
            insert into routing_rule (id, kind, category_prefix, region_prefix, department_code)
            values ($1, $2, $3, $4, $5)
            on conflict (id) do update set kind = excluded.kind, category_prefix = excluded.category_prefix,
              region_prefix = excluded.region_prefix, department_code = excluded.department_code""";

    static final String DELETE_OTHER_RULES = "delete from routing_rule where id <> all($1)";
    static final String RULES = "select id, kind, category_prefix, region_prefix, department_code from routing_rule";

    private final SeedFiles seeds;
    private final Pool pool;
    /**
     * Null until the start-up load: a complaint event consumed before it (the consumers may start first) is retried
     * rather than sent to triage for want of rules (FaultsIT saw 68 cases opened in triage after a restart).
     */
    private volatile RoutingTable table;
    /**
     * Counts the loads from the seeds: a refresh that read the database while a load was under way must not put back
     * what it read. (At a first start it read the empty tables before the start-up load committed, and replaced the
     * loaded rules with none: every case went to triage until the next refresh, a minute later.)
     */
    private long loads;

    RoutingDirectory(SeedFiles seeds, Pool pool) {
        this.seeds = seeds;
        this.pool = pool;
    }

    void onStart(@Observes StartupEvent ignored) {
        reload().await().atMost(Duration.ofSeconds(60));
    }

    /** Re-reads the seeds, stores them and swaps the routing table in one step. */
    public Uni<Integer> reload() {
        List<RoutingSeeds.DepartmentSeed> departments = RoutingSeeds.departments(seeds);
        List<RoutingRule> rules = RoutingSeeds.rules(seeds);
        return pool.withTransaction(tx -> storeDepartments(tx, departments)
                        .flatMap(v -> storeRules(tx, rules))
                        .flatMap(v -> tx.preparedQuery(DELETE_OTHER_RULES)
                                .execute(Tuple.of(
                                        rules.stream().map(RoutingRule::id).toArray(String[]::new)))))
                .invoke(() -> {
                    synchronized (this) {
                        loads++;
                        table = new RoutingTable(rules);
                    }
                    Log.infof("Routing: %d departments, %d rules", departments.size(), rules.size());
                })
                .replaceWith(rules.size());
    }

    /** Re-reads the rules from the database, where another replica's reload may have changed them. */
    @Scheduled(
            identity = "routing-refresh",
            every = "${routing.refresh-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refresh() {
        long seen;
        synchronized (this) {
            if (table == null) {
                return Uni.createFrom().voidItem(); // the start-up load comes first
            }
            seen = loads;
        }
        return pool.query(RULES)
                .execute()
                .invoke(rows -> {
                    List<RoutingRule> rules = new ArrayList<>();
                    rows.forEach(row -> rules.add(new RoutingRule(
                            row.getString("id"),
                            row.getString("kind"),
                            row.getString("category_prefix"),
                            row.getString("region_prefix"),
                            row.getString("department_code"))));
                    synchronized (this) {
                        if (loads == seen) {
                            table = new RoutingTable(rules);
                        }
                    }
                })
                .replaceWithVoid();
    }

    public Optional<RoutingRule> route(String kind, String category, String regionCode) {
        return loaded().route(kind, category, regionCode);
    }

    public Optional<RoutingRule> routeElsewhere(
            String kind, String category, String regionCode, String excludedDepartment) {
        return loaded().routeElsewhere(kind, category, regionCode, excludedDepartment);
    }

    private RoutingTable loaded() {
        RoutingTable loaded = table;
        if (loaded == null) {
            throw new NotReady("the routing table");
        }
        return loaded;
    }

    private static Uni<Void> storeDepartments(SqlClient tx, List<RoutingSeeds.DepartmentSeed> departments) {
        List<Tuple> rows = departments.stream()
                .map(d -> Tuple.of(d.code(), d.nameZh(), d.nameEn(), d.regionCode(), d.agency()))
                .toList();
        return tx.preparedQuery(UPSERT_DEPARTMENT).executeBatch(rows).replaceWithVoid();
    }

    private static Uni<Void> storeRules(SqlClient tx, List<RoutingRule> rules) {
        List<Tuple> rows = rules.stream()
                .map(r -> Tuple.of(r.id(), r.kind(), r.categoryPrefix(), r.regionPrefix(), r.departmentCode()))
                .toList();
        return tx.preparedQuery(UPSERT_RULE).executeBatch(rows).replaceWithVoid();
    }

    /** Whether {@code code} names a department of the directory: manual assignments and transfers are checked. */
    public Uni<Boolean> knows(String code) {
        return Panache.withSession(() -> Department.<Department>findById(code)).map(department -> department != null);
    }
}
