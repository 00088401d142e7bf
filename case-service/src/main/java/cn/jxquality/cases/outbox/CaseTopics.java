package cn.jxquality.cases.outbox;

import cn.jxquality.platform.outbox.OutboxTopics;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** case-service publishes case events and reward events, each through the platform's outbox. */
@ApplicationScoped
public class CaseTopics implements OutboxTopics {

    public static final String CASE_EVENTS = "case-events";
    public static final String REWARD_EVENTS = "reward-events";

    private static final URI SOURCE = URI.create("urn:jxquality:case-service");

    private final Map<String, Emitter<String>> emitters;

    CaseTopics(@Channel(CASE_EVENTS) Emitter<String> caseEvents, @Channel(REWARD_EVENTS) Emitter<String> rewardEvents) {
        this.emitters = Map.of(CASE_EVENTS, caseEvents, REWARD_EVENTS, rewardEvents);
    }

    @Override
    public URI source() {
        return SOURCE;
    }

    @Override
    public String defaultTopic() {
        return CASE_EVENTS;
    }

    @Override
    public Map<String, Emitter<String>> emitters() {
        return emitters;
    }
}
