package cn.jxquality.cases.outbox;

import cn.jxquality.platform.outbox.OutboxTopics;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** case-service publishes case events and reward events, each through the platform's outbox. */
public class CaseTopics {

    public static final String CASE_EVENTS = "case-events";
    public static final String REWARD_EVENTS = "reward-events";

    @Produces
    @Singleton
    OutboxTopics topics(
            @Channel(CASE_EVENTS) Emitter<String> caseEvents, @Channel(REWARD_EVENTS) Emitter<String> rewardEvents) {
        return new OutboxTopics(
                URI.create("urn:jxquality:case-service"),
                CASE_EVENTS,
                Map.of(CASE_EVENTS, caseEvents, REWARD_EVENTS, rewardEvents));
    }
}
