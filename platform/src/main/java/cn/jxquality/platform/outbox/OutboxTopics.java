package cn.jxquality.platform.outbox;

import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * What a service that publishes events tells the platform's outbox (a bean it produces): its CloudEvents
 * {@code source}, the topic a row names when its writer names none (the default of the table's {@code topic}
 * column), and an emitter per topic, each on the channel of that name (topics without the suite's prefix). A service
 * without such a bean has no outbox (the relay stays idle).
 */
public record OutboxTopics(URI source, String defaultTopic, Map<String, Emitter<String>> emitters) {}
