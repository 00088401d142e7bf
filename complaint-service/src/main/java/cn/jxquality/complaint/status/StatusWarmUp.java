package cn.jxquality.complaint.status;

import cn.jxquality.platform.warmup.WarmUpPlan;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The status look-up's and the public timeline's statements on every connection, and the look-up page. (A look-up
 * itself is not sent: a failed one counts against the client's address.)
 */
@Singleton
class StatusWarmUp implements WarmUpPlan {

    @Override
    public List<String> statements() {
        return List.of(StatusService.LOOKUP, StatusService.STEPS, TimelineWriter.APPLY);
    }

    @Override
    public List<Request> requests() {
        return List.of(Request.get("/status", 200));
    }
}
