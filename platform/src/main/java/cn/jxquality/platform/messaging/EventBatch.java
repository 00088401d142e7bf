package cn.jxquality.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * What one poll of a channel in batch mode ({@code mp.messaging.incoming.<channel>.batch=true}) brought, handled so
 * that the database sees the batch once rather than once per event, without giving up what a record-at-a-time
 * consumer guarantees:
 *
 * <ul>
 *   <li>a record that is not a readable CloudEvent is nacked on its own (the channel's dead-letter topic), the rest
 *       go on;
 *   <li>the readable events are applied together, in the order they came ({@code applyAll} must commit their whole
 *       effect atomically, each event's de-duplication by id included), and every record is acked after that commit;
 *       while the database is away they wait, however long ({@link EventRetry}), rather than fail;
 *   <li>if applying them together fails, each is applied on its own, in order, by {@code applyOne}, which acks or
 *       nacks its record itself (with whatever retries it makes): so one poison event costs the batch a slower pass,
 *       not its neighbours their delivery.
 * </ul>
 */
public final class EventBatch {

    /** A readable record and its event. */
    private record Received(Message<String> record, InboundEvent event) {}

    private EventBatch() {}

    public static Uni<Void> consume(
            KafkaRecordBatch<String, String> batch,
            ObjectMapper json,
            Function<List<InboundEvent>, Uni<Void>> applyAll,
            BiFunction<Message<String>, InboundEvent, Uni<Void>> applyOne) {
        List<Received> readable = new ArrayList<>(batch.getRecords().size());
        List<Uni<Void>> rejected = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                readable.add(new Received(record, InboundEvent.of(record, json)));
            } catch (RuntimeException unreadable) {
                rejected.add(Uni.createFrom().completionStage(() -> record.nack(unreadable)));
            }
        }
        Uni<Void> rejecting = rejected.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(rejected).andCollectFailures().replaceWithVoid();
        if (readable.isEmpty()) {
            return rejecting;
        }
        List<InboundEvent> events = readable.stream().map(Received::event).toList();
        return rejecting
                .chain(() -> EventRetry.attempt(() -> applyAll.apply(events), 0, failure -> true)
                        .replaceWith(true)
                        .onFailure()
                        .recoverWithUni(failure -> {
                            Log.infof(
                                    "A batch of %d events was not applied together (%s); applying them one at a time",
                                    events.size(), failure.toString());
                            return each(readable, received -> applyOne.apply(received.record(), received.event()))
                                    .replaceWith(false);
                        }))
                .chain(together -> together
                        ? each(readable, received -> Uni.createFrom().completionStage(received.record()::ack))
                        : Uni.createFrom().voidItem());
    }

    /** {@code step} for each received record, one after the other, in their order. */
    private static Uni<Void> each(List<Received> received, Function<Received, Uni<Void>> step) {
        return Multi.createFrom()
                .iterable(received)
                .onItem()
                .<Void>transformToUniAndConcatenate(step::apply)
                .collect()
                .last()
                .replaceWithVoid();
    }
}
