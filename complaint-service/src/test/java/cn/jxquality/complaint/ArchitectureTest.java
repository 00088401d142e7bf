package cn.jxquality.complaint;

import cn.jxquality.platform.architecture.ServiceArchitecture;

/**
 * complaint-service's structure (STYLE.md): features without cycles, plain domain rules, thin resources, entities
 * kept in their feature, no other service's code; the tests are platform's {@link ServiceArchitecture}.
 */
class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super(
                "cn.jxquality.complaint",
                "cn.jxquality.complaint.intake.UnifiedSocialCreditCode",
                "cn.jxquality.complaint.intake.MainlandMobile",
                "cn.jxquality.complaint.open311.RegionLocator");
    }
}
