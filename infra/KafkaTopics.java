// Used by ./suite (run with the JDK's source launcher against the Kafka jars):
//   java -cp '.suite/dist/kafka-4.4.0/libs/*' infra/KafkaTopics.java <bootstrap> <partitions> <timeoutSeconds> <topic>...
// Waits until the broker answers, then creates the missing topics (replication factor 1).
import java.util.*;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.common.errors.TopicExistsException;

public class KafkaTopics {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int partitions = Integer.parseInt(args[1]);
        long deadline = System.currentTimeMillis() + Long.parseLong(args[2]) * 1000L;
        List<String> topics = Arrays.asList(args).subList(3, args.length);
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = null;
            Exception last = null;
            while (existing == null && System.currentTimeMillis() < deadline) {
                try {
                    existing = admin.listTopics().names().get();
                } catch (ExecutionException e) {
                    last = e;
                    Thread.sleep(500);
                }
            }
            if (existing == null) {
                System.err.println("Kafka at " + bootstrap + " did not answer: " + last);
                System.exit(2);
            }
            Set<String> present = existing;
            List<NewTopic> missing = topics.stream().filter(t -> !present.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1)).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                CreateTopicsResult r = admin.createTopics(missing);
                for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> e : r.values().entrySet()) {
                    try {
                        e.getValue().get();
                        System.out.println("created topic " + e.getKey() + " (" + partitions + " partitions)");
                    } catch (ExecutionException ex) {
                        if (!(ex.getCause() instanceof TopicExistsException)) throw ex;
                    }
                }
            }
            System.out.println("topics: " + new TreeSet<>(admin.listTopics().names().get()));
        }
    }
}
