package cn.jxquality.notify.routing;

import cn.jxquality.platform.warmup.WarmUpPlan;
import jakarta.inject.Singleton;
import java.util.List;

/** Recording a poll's notices, prepared on every connection before the service reports ready. */
@Singleton
class RoutingWarmUp implements WarmUpPlan {

    @Override
    public List<String> statements() {
        return List.of(NotificationRecorder.RECORD_ONCE);
    }
}
