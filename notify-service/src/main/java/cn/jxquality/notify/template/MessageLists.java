package cn.jxquality.notify.template;

import io.quarkus.qute.TemplateExtension;
import java.util.List;

/**
 * A list in a message is cut after {@link #LISTED} items and the rest counted, so one event about many cases makes
 * an inbox message one can read: {@code {#for c in event.cases.listed}}, {@code {event.movedCount.unlisted(event.cases)}}.
 */
@TemplateExtension
public final class MessageLists {

    /** Items a message lists at most. */
    static final int LISTED = 50;

    private MessageLists() {}

    /** The first {@link #LISTED} items, or all of them. */
    static List<?> listed(List<?> items) {
        return items.size() <= LISTED ? items : items.subList(0, LISTED);
    }

    /** Of {@code total} items (the producer's count, which its own list may fall short of), those not listed. */
    static int unlisted(Number total, List<?> items) {
        return Math.max(0, total.intValue() - listed(items).size());
    }
}
