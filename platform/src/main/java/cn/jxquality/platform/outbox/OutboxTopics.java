package cn.jxquality.platform.outbox;

import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * What a service that publishes events tells the platform's outbox: its CloudEvents {@code source}, and an emitter
 * for each topic its outbox rows may name. A service without such a bean has no outbox (the relay stays idle).
 */
public interface OutboxTopics {

    /** The CloudEvents {@code source}, e.g. {@code urn:jxquality:case-service}. */
    URI source();

    /** The topic a row names when the writer names none (the default of the table's {@code topic} column). */
    String defaultTopic();

    /** An emitter per topic (without the suite's prefix), each on the channel of that name. */
    Map<String, Emitter<String>> emitters();
}
