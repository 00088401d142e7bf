import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;

/**
 * Watches consumer groups for bench/faults.sh scale-out: every 500 ms, for the given seconds, it prints a line for
 * each group whose state or membership changed, "<epoch ms> <group> <state> <members>", so the script can tell how long
 * a group took to rebalance after an instance died.
 *
 * <p>{@code java -cp "<kafka>/libs/*" bench/GroupWatch.java <bootstrap> <seconds> <group>...}
 */
public class GroupWatch {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        long until = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(Long.parseLong(args[1]));
        List<String> groups = List.of(args).subList(2, args.length);
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        Map<String, String> last = new HashMap<>();
        try (Admin admin = Admin.create(config)) {
            while (System.currentTimeMillis() < until) {
                try {
                    Map<String, ConsumerGroupDescription> described =
                            admin.describeConsumerGroups(groups).all().get(5, TimeUnit.SECONDS);
                    long now = System.currentTimeMillis();
                    for (String group : groups) {
                        ConsumerGroupDescription d = described.get(group);
                        String seen = d.groupState() + " " + d.members().size();
                        if (!seen.equals(last.put(group, seen))) {
                            System.out.println(now + " " + group + " " + seen);
                            System.out.flush();
                        }
                    }
                } catch (Exception e) {
                    System.err.println(System.currentTimeMillis() + " describe failed: " + e);
                }
                Thread.sleep(500);
            }
        }
    }
}
