package cn.jxquality.notify.delivery;

import cn.jxquality.platform.warmup.WarmUpPlan;
import jakarta.inject.Singleton;
import java.util.List;

/** The dispatcher's lease, its sent marks and the per-address cap, prepared on every connection. */
@Singleton
class DeliveryWarmUp implements WarmUpPlan {

    @Override
    public List<String> statements() {
        return List.of(DeliveryLedger.LEASE, DeliveryLedger.SENT, AddressCaps.TAKE);
    }
}
