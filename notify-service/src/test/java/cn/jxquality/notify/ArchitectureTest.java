package cn.jxquality.notify;

import cn.jxquality.platform.architecture.ServiceArchitecture;

/**
 * notify-service's structure (STYLE.md): features without cycles, plain domain rules, thin resources, entities
 * kept in their feature, no other service's code; the tests are platform's {@link ServiceArchitecture}.
 */
class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super("cn.jxquality.notify", "cn.jxquality.notify.delivery.Backoff", "cn.jxquality.notify.sms.QuietHours");
    }
}
